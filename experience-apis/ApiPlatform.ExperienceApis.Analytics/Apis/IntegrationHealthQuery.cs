using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>The window of integration health (default: the last <c>Analytics:DefaultHealthWindow</c>) and one system.</summary>
public sealed record IntegrationHealthQuery(
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "system")] string? System);

public sealed class IntegrationHealthQueryValidator : AbstractValidator<IntegrationHealthQuery>
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public IntegrationHealthQueryValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' must be after 'from'.");
        RuleFor(q => q.To).Must((q, to) => to!.Value - q.From!.Value <= MaxWindow)
            .When(q => q.From is not null && q.To is not null && q.To > q.From).WithMessage("The window may span at most 31 days.");
        RuleFor(q => q.System).MaximumLength(64).Matches("^[a-z][a-z0-9-]*$").When(q => q.System is not null)
            .WithMessage("'system' is a system API's name (crm, erp, finance).");
    }
}
