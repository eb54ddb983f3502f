using FluentValidation;

namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>Marks an exception resolved with a note saying why; it stays resolved until its compared data change.</summary>
public sealed record ResolveExceptionRequest(string Note);

public sealed class ResolveExceptionRequestValidator : AbstractValidator<ResolveExceptionRequest>
{
    public ResolveExceptionRequestValidator() => RuleFor(r => r.Note).NotEmpty().MaximumLength(1000);
}
