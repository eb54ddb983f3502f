using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

/// <summary>A credit against an issued invoice; it lowers what the customer owes.</summary>
public sealed record CreditNote(string Id, string Tenant, string Number, string InvoiceId, Money Amount, string Reason, DateTimeOffset IssuedAt, SourceReference Source);

public sealed record IssueCreditNoteRequest(Money Amount, string Reason);

public sealed class IssueCreditNoteRequestValidator : AbstractValidator<IssueCreditNoteRequest>
{
    public IssueCreditNoteRequestValidator()
    {
        RuleFor(r => r.Amount).PositiveMoney();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
    }
}
