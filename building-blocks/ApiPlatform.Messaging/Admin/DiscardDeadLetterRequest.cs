using FluentValidation;

namespace ApiPlatform.Messaging.Admin;

/// <summary>Why an operator closes a dead letter without applying it; kept with the dead letter.</summary>
public sealed record DiscardDeadLetterRequest(string Reason);

internal sealed class DiscardDeadLetterRequestValidator : AbstractValidator<DiscardDeadLetterRequest>
{
    public DiscardDeadLetterRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
