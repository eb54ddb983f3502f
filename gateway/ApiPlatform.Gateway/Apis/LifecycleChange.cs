using FluentValidation;

namespace ApiPlatform.Gateway.Apis;

/// <summary>
/// The lifecycle an admin sets for one version: it replaces the catalog's status, dates and successor. The reason goes
/// to the admin audit.
/// </summary>
internal sealed record LifecycleChange(string Status, DateTimeOffset? DeprecatedAt, DateTimeOffset? SunsetAt, int? Successor, string? Reason = null);

internal sealed class LifecycleChangeValidator : AbstractValidator<LifecycleChange>
{
    private static readonly string[] Statuses = ["draft", "active", "deprecated", "retired"];

    public LifecycleChangeValidator()
    {
        RuleFor(c => c.Status).Must(s => Statuses.Contains(s))
            .WithMessage($"status must be one of: {string.Join(", ", Statuses)}.");
        RuleFor(c => c.DeprecatedAt).NotNull().When(c => c.Status is "deprecated" or "retired")
            .WithMessage("deprecatedAt is required when the status is deprecated or retired.");
        RuleFor(c => c.SunsetAt).GreaterThanOrEqualTo(c => c.DeprecatedAt!.Value).When(c => c.SunsetAt is not null && c.DeprecatedAt is not null)
            .WithMessage("sunsetAt must not be before deprecatedAt.");
        RuleFor(c => c.Successor).GreaterThan(0).When(c => c.Successor is not null);
        RuleFor(c => c.Reason).MaximumLength(AdminAudit.AdminAction.MaxReasonLength);
    }
}
