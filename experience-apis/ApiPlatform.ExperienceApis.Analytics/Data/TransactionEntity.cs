using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>
/// One business transaction (e.g. a quote-to-cash order) in the read model. The messaging backbone feeds it from
/// integration events; until then the table is empty.
/// </summary>
public sealed class TransactionEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastProgressAt { get; set; }
}
