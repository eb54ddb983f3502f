using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ProcessApis.Reconciliation.Data;

/// <summary>
/// A run of one tenant's period. A scheduled run carries its <c>TickKey</c> (schedule tick, tenant, period), unique, so
/// of the replicas that see a tick only the one whose insert wins runs it. A running run holds a lease.
/// </summary>
public sealed class RunEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Period { get; init; }
    public required string Trigger { get; init; }
    public required string RequestedBy { get; init; }
    public string? TickKey { get; init; }
    public RunStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public long DocumentsCompared { get; set; }
    public string ExceptionsByKind { get; set; } = "{}";
    public int NewExceptions { get; set; }
    public string? Error { get; set; }
}
