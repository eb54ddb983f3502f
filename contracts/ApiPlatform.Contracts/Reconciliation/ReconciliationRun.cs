namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>
/// One reconciliation of a tenant's period: how it was started (<c>manual</c> or <c>schedule</c>), when it ran, how many
/// documents it compared, the exceptions it found by kind and how many of them were new or reopened.
/// </summary>
public sealed record ReconciliationRun(
    string Id,
    string Tenant,
    string Period,
    string Trigger,
    string RequestedBy,
    RunStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    long DocumentsCompared,
    IReadOnlyDictionary<string, int> ExceptionsByKind,
    int NewExceptions,
    string? Error);
