using System.Text.Json;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Data;

namespace ApiPlatform.ProcessApis.Reconciliation.Apis;

internal static class ReconciliationMapping
{
    public static ReconciliationRun ToContract(RunEntity run) => new(
        run.Id, run.Tenant, run.Period, run.Trigger, run.RequestedBy, run.Status, run.CreatedAt, run.StartedAt, run.FinishedAt, run.Attempts,
        run.DocumentsCompared, JsonSerializer.Deserialize<Dictionary<string, int>>(run.ExceptionsByKind) ?? [], run.NewExceptions, run.Error);

    public static ReconciliationException ToContract(ExceptionEntity exception) => new(
        exception.Id, exception.Tenant, exception.Period, exception.Kind, exception.Status, exception.Detail,
        JsonSerializer.Deserialize<List<DocumentReference>>(exception.Documents) ?? [], exception.Fingerprint, exception.FirstRunId, exception.LastRunId,
        exception.FirstFoundAt, exception.LastFoundAt,
        exception is { ResolutionNote: { } note, ResolvedBy: { } by, ResolvedAt: { } at } ? new ExceptionResolution(note, by, at) : null,
        exception.Activity.OrderBy(a => a.Id).Select(a => new ExceptionActivity(a.At, a.Action, a.Actor, a.Note)).ToList());
}
