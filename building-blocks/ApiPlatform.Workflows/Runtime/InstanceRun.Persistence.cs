using System.Text.Json;
using ApiPlatform.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Workflows.Runtime;

internal sealed partial class InstanceRun<TState>
{
    private bool lost;

    /// <summary>
    /// Saves the instance and its journal, renewing the lease while it is held. When a caller or an operator wrote the
    /// instance meanwhile (a signal, a cancel), their fields are kept and the save is made again; when another runner
    /// claimed it (a newer fence), nothing is written and the run ends.
    /// </summary>
    private async Task<bool> SaveAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            instance.Version++;
            instance.UpdatedAt = now;
            if (instance.LeaseOwner is not null)
            {
                instance.LeaseUntil = now + (long)options.LeaseDuration.TotalMilliseconds;
            }

            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                if (!await MergeConcurrentWriteAsync(now))
                {
                    return false;
                }
            }
        }
    }

    private async Task<bool> MergeConcurrentWriteAsync(long now)
    {
        var entry = db.Entry(instance);
        var current = await entry.GetDatabaseValuesAsync(CancellationToken.None);
        if (current is null || current.GetValue<long>(nameof(WorkflowInstance.Fence)) != fence)
        {
            lost = true;
            logger.LogWarning("{Type} instance {Instance} was taken over by another runner; this run stops without writing", instance.Type, instance.Id);
            return false;
        }

        var cancel = current.GetValue<bool>(nameof(WorkflowInstance.CancelRequested));
        var cancelReason = current.GetValue<string?>(nameof(WorkflowInstance.CancelReason));
        var signal = current.GetValue<string?>(nameof(WorkflowInstance.Signal));
        entry.OriginalValues.SetValues(current);
        instance.Version = current.GetValue<long>(nameof(WorkflowInstance.Version));
        if (cancel && !instance.CancelRequested)
        {
            instance.CancelRequested = true;
            instance.CancelReason = cancelReason;
        }
        if (signal is not null && instance.Signal is null && instance.Status == WorkflowStatus.Waiting)
        {
            instance.Signal = signal;
        }
        if ((instance.CancelRequested || instance.Signal is not null) && instance.LeaseOwner is null && !instance.Status.IsTerminal()
            && instance.Status != WorkflowStatus.CompensationFailed)
        {
            instance.NextRunAt = now;
        }
        return true;
    }

    /// <summary>The runner is stopping: give the claim back so another replica (or this one, restarted) takes over at once.</summary>
    public async Task ReleaseAfterStopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            var id = instance.Id;
            await db.Set<WorkflowInstance>().Where(i => i.Id == id && i.Fence == fence)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseUntil, (long?)null)
                    .SetProperty(i => i.Version, i => i.Version + 1), timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not release {Instance} at stop; its lease runs out instead", instance.Id);
        }
    }

    private void End(WorkflowStatus status, DateTimeOffset now)
    {
        instance.Status = status;
        instance.EndedAt = now.ToUnixTimeMilliseconds();
        instance.NextRunAt = null;
        instance.WaitingFor = null;
        instance.WaitDeadline = null;
        instance.Signal = null;
        Release();
    }

    private void Release()
    {
        instance.LeaseOwner = null;
        instance.LeaseUntil = null;
    }

    private void Transition(TransitionKind kind, string? step, string? reason, DateTimeOffset now, TState? state = null) =>
        workflow.OnTransition(new WorkflowTransition<TState>(
            instance.Id, instance.Tenant, kind, instance.Status, step, state ?? Deserialize(instance.State), reason, now, instance.Cause));

    private void History(string kind, string? actor, string? detail, DateTimeOffset now) =>
        db.Add(new WorkflowHistoryRecord { InstanceId = instance.Id, Kind = kind, Actor = actor, Detail = detail, At = now.ToUnixTimeMilliseconds() });

    private WorkflowStepRecord? Find(StepPhase phase, int sequence) => journal.Find(r => r.Phase == phase && r.Sequence == sequence);

    private WorkflowStepRecord Record(StepPhase phase, int sequence, string name)
    {
        if (Find(phase, sequence) is { } existing)
        {
            return existing;
        }
        var record = new WorkflowStepRecord { InstanceId = instance.Id, Phase = phase, Sequence = sequence, Name = name, Status = StepStatus.Pending };
        journal.Add(record);
        db.Add(record);
        return record;
    }

    internal static string Serialize(TState state) => JsonSerializer.Serialize(state, JsonSerializerOptions.Web);

    private static TState Deserialize(string json) =>
        JsonSerializer.Deserialize<TState>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("An instance's state is empty.");

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
