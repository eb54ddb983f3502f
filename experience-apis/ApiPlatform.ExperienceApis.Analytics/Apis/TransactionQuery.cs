using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>Filters of the transaction list; a partner's tenant claim overrides <see cref="Tenant"/>.</summary>
public sealed record TransactionQuery(
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "tenant")] string? Tenant,
    [FromQuery(Name = "stalled")] bool? Stalled,
    [FromQuery(Name = "correlationId")] string? CorrelationId);
