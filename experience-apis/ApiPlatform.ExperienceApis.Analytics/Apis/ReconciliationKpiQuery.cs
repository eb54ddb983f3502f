using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>The period (default: the last <c>Analytics:DefaultKpiPeriod</c>) and tenant of the reconciliation KPIs.</summary>
public sealed record ReconciliationKpiQuery(
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "tenant")] string? Tenant);

public sealed class ReconciliationKpiQueryValidator : AbstractValidator<ReconciliationKpiQuery>
{
    public ReconciliationKpiQueryValidator() =>
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' must be after 'from'.");
}
