using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ProcessApis.Reconciliation.Data;

/// <summary>
/// A discrepancy, keyed by a hash of (tenant, kind, documents) so that each run updates it instead of adding another;
/// <c>Fingerprint</c> hashes the compared data, so a resolved exception reopens only when they change.
/// </summary>
public sealed class ExceptionEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Period { get; init; }
    public ExceptionKind Kind { get; init; }
    public required string DocumentKey { get; init; }
    public ExceptionStatus Status { get; set; }
    public required string Detail { get; set; }
    public required string Documents { get; set; }
    public required string Fingerprint { get; set; }
    public required string FirstRunId { get; init; }
    public required string LastRunId { get; set; }
    public DateTimeOffset FirstFoundAt { get; init; }
    public DateTimeOffset LastFoundAt { get; set; }
    public string? ResolutionNote { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public List<ExceptionActivityEntity> Activity { get; init; } = [];
}
