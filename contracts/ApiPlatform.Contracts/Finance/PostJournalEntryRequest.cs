using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

/// <summary>A journal entry to post; an entry whose debits and credits differ is refused with 422.</summary>
public sealed record PostJournalEntryRequest(string Tenant, DateOnly PostingDate, string Description, string Currency, IReadOnlyList<JournalLineRequest> Lines);

/// <summary>One side of a line: a debit or a credit, never both.</summary>
public sealed record JournalLineRequest(string AccountCode, Money? Debit, Money? Credit, string? Memo);

public sealed class PostJournalEntryRequestValidator : AbstractValidator<PostJournalEntryRequest>
{
    public PostJournalEntryRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.PostingDate).NotEmpty();
        RuleFor(r => r.Description).NotEmpty().MaximumLength(255);
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count is >= 2 and <= 500).WithMessage("An entry has 2 to 500 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.AccountCode).NotEmpty().Matches("^[0-9]{4}$").WithMessage("'AccountCode' is a four-digit ledger account.");
            line.RuleFor(l => l).Must(l => (l.Debit is null) != (l.Credit is null))
                .WithName("Debit").WithMessage("A line has either a debit or a credit.");
            line.RuleFor(l => l.Debit!).SetValidator(new MoneyValidator()).Must(m => m.Amount > 0).When(l => l.Debit is not null)
                .WithMessage("'Debit' must be greater than zero.");
            line.RuleFor(l => l.Credit!).SetValidator(new MoneyValidator()).Must(m => m.Amount > 0).When(l => l.Credit is not null)
                .WithMessage("'Credit' must be greater than zero.");
            line.RuleFor(l => l.Memo).MaximumLength(255);
        });
        RuleFor(r => r)
            .Must(r => r.Lines is null || r.Lines.All(l => (l.Debit ?? l.Credit) is not { } m || m.Currency == r.Currency))
            .WithName("Lines")
            .WithMessage("Every line must be in the entry currency.");
    }
}
