using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>The period (default: the last <c>Analytics:DefaultKpiPeriod</c>), tenant and process of the KPIs.</summary>
public sealed record KpiQuery(
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "tenant")] string? Tenant,
    [FromQuery(Name = "kind")] string? Kind);

public sealed class KpiQueryValidator : AbstractValidator<KpiQuery>
{
    public KpiQueryValidator() =>
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' must be after 'from'.");
}
