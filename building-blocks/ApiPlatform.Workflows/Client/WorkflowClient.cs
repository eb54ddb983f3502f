using System.Text.Json;
using ApiPlatform.ServiceDefaults.Telemetry;
using ApiPlatform.Workflows.Configuration;
using ApiPlatform.Workflows.Persistence;
using ApiPlatform.Workflows.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Workflows.Client;

internal sealed partial class WorkflowClient<TContext>(
    TContext db, IServiceProvider services, WorkflowWakeup wakeup, IOptions<WorkflowOptions> options, TimeProvider clock) : IWorkflowClient
    where TContext : DbContext
{
    private DbSet<WorkflowInstance> Instances => db.Set<WorkflowInstance>();

    public async Task<WorkflowStart> StartAsync<TWorkflow, TState>(
        string instanceId, string? tenant, string? businessKey, TState state, string? actor, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class
    {
        if (businessKey is not null && await ExistingAsync(TWorkflow.Name, businessKey, cancellationToken) is { } existing)
        {
            return new WorkflowStart(existing, false);
        }

        var now = clock.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        var instance = new WorkflowInstance
        {
            Id = instanceId, Type = TWorkflow.Name, Tenant = tenant, BusinessKey = businessKey, Status = WorkflowStatus.Running,
            State = InstanceRun<TState>.Serialize(state), NextRunAt = ms, StepStartedAt = ms, CreatedBy = actor, CreatedAt = ms, UpdatedAt = ms,
            CorrelationId = Correlation.Get(services.GetService<IHttpContextAccessor>()?.HttpContext) ?? instanceId,
        };
        Instances.Add(instance);
        db.Add(new WorkflowHistoryRecord { InstanceId = instanceId, Kind = "Started", Actor = actor, At = ms });
        IWorkflow<TState> workflow = services.GetRequiredService<TWorkflow>();
        workflow.OnTransition(new WorkflowTransition<TState>(instanceId, tenant, TransitionKind.Started, WorkflowStatus.Running, null, state, null, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (businessKey is not null && db.Database.CurrentTransaction is null)
        {
            // Another start for the same key won the race: answer its instance.
            db.ChangeTracker.Clear();
            return new WorkflowStart(await ExistingAsync(TWorkflow.Name, businessKey, cancellationToken) ?? throw new InvalidOperationException(
                $"Starting {TWorkflow.Name} for '{businessKey}' clashed, but no instance holds the key."), false);
        }
        wakeup.Notify();
        return new WorkflowStart(instanceId, true);
    }

    private Task<string?> ExistingAsync(string type, string businessKey, CancellationToken cancellationToken) =>
        Instances.AsNoTracking().Where(i => i.Type == type && i.BusinessKey == businessKey).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<CommandResult> SignalAsync(string instanceId, string signal, object? payload, string? actor, CancellationToken cancellationToken) =>
        CommandAsync(instanceId, (instance, now) =>
        {
            if (instance.Status != WorkflowStatus.Waiting || instance.WaitingFor != signal || instance.Signal is not null || instance.CancelRequested)
            {
                return CommandResult.Conflict(instance.WaitingFor == signal && instance.Signal is not null
                    ? $"Instance {instance.Id} has already received '{signal}'."
                    : $"Instance {instance.Id} is not waiting for '{signal}' (it is {instance.Status}).");
            }
            // At the deadline itself the timer fires: a decision must come before it.
            if (instance.WaitDeadline is { } deadline && deadline <= now)
            {
                return CommandResult.Conflict($"The deadline for '{signal}' of instance {instance.Id} passed at {DateTimeOffset.FromUnixTimeMilliseconds(deadline):O}.");
            }

            var element = payload is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(payload, JsonSerializerOptions.Web);
            instance.Signal = JsonSerializer.Serialize(new WorkflowSignal(signal, element, actor, DateTimeOffset.FromUnixTimeMilliseconds(now)), JsonSerializerOptions.Web);
            History(instance.Id, "Signal", actor, element is { } e ? $"{signal}: {e.GetRawText()}" : signal, now);
            return null;
        }, cancellationToken);

    public Task<CommandResult> CancelAsync(string instanceId, string reason, string? actor, CancellationToken cancellationToken) =>
        CommandAsync(instanceId, (instance, now) =>
        {
            if (instance.Status.IsTerminal() || instance.Status is WorkflowStatus.Compensating or WorkflowStatus.CompensationFailed)
            {
                return CommandResult.Conflict($"Instance {instance.Id} is {instance.Status}; only a running or waiting instance can be cancelled.");
            }
            if (instance.CancelRequested)
            {
                return CommandResult.Accepted;
            }
            instance.CancelRequested = true;
            instance.CancelReason = reason;
            History(instance.Id, "CancelRequested", actor, reason, now);
            return null;
        }, cancellationToken);

    public Task<CommandResult> RetryAsync(string instanceId, string? actor, CancellationToken cancellationToken) =>
        CommandAsync(instanceId, (instance, now) =>
        {
            if (instance.Status == WorkflowStatus.CompensationFailed)
            {
                instance.Status = WorkflowStatus.Compensating;
                instance.StepStartedAt = now;
                var failed = db.Set<WorkflowStepRecord>().Local.Where(s => s.InstanceId == instance.Id && s.Phase == StepPhase.Compensation && s.Status == StepStatus.Failed);
                foreach (var step in failed)
                {
                    step.Status = StepStatus.Pending;
                    step.Attempts = 0;
                }
            }
            else if (instance.Status is WorkflowStatus.Running or WorkflowStatus.Compensating && instance.NextRunAt > now)
            {
                instance.NextRunAt = now;
            }
            else
            {
                return CommandResult.Conflict($"Instance {instance.Id} is {instance.Status} and has nothing to retry.");
            }
            History(instance.Id, "Retried", actor, null, now);
            return null;
        }, cancellationToken, loadSteps: true);

    private static readonly CommandResult Busy = CommandResult.Conflict("A runner holds the instance.");

    /// <remarks>
    /// A runner that holds the instance writes its whole state at its next save, so a milestone waits until no runner
    /// holds it (at most a lease's duration), then throws. Inside a transaction (an event handler's batch) it does not
    /// wait, since the transaction may hold the database the runner needs: it throws at once and the event is retried.
    /// </remarks>
    public Task<CommandResult> RecordAsync<TWorkflow, TState>(string instanceId, Func<TState, string?> apply, string? actor, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class =>
        RecordAsync<TWorkflow, TState>(instanceId, apply, actor, null, cancellationToken);

    public async Task<CommandResult> RecordAsync<TWorkflow, TState>(
        string instanceId, Func<TState, string?> apply, string? actor, string? signal, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class
    {
        var giveUpAt = clock.GetUtcNow() + (db.Database.CurrentTransaction is null ? options.Value.LeaseDuration : TimeSpan.Zero);
        while (true)
        {
            var delivered = false;
            var result = await TryRecordAsync<TWorkflow, TState>(instanceId, apply, actor, signal, () => delivered = true, cancellationToken);
            if (!ReferenceEquals(result, Busy))
            {
                if (delivered && db.Database.CurrentTransaction is null)
                {
                    wakeup.Notify();
                }
                return result;
            }
            if (clock.GetUtcNow() >= giveUpAt)
            {
                throw new TimeoutException($"Instance {instanceId} stayed held by a runner; the milestone was not recorded.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
        }
    }

    private Task<CommandResult> TryRecordAsync<TWorkflow, TState>(
        string instanceId, Func<TState, string?> apply, string? actor, string? signal, Action delivered, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class =>
        CommandAsync(instanceId, (instance, now) =>
        {
            if (instance.LeaseOwner is not null && instance.LeaseUntil >= now)
            {
                return Busy;
            }
            var state = JsonSerializer.Deserialize<TState>(instance.State, JsonSerializerOptions.Web)!;
            if (apply(state) is not { } milestone)
            {
                return CommandResult.Accepted;
            }
            instance.State = InstanceRun<TState>.Serialize(state);
            History(instance.Id, "Milestone", actor, milestone, now);
            if (signal is not null && instance.Status == WorkflowStatus.Waiting && instance.WaitingFor == signal && instance.Signal is null
                && !instance.CancelRequested && (instance.WaitDeadline is not { } deadline || deadline > now))
            {
                var payload = JsonSerializer.SerializeToElement(milestone, JsonSerializerOptions.Web);
                instance.Signal = JsonSerializer.Serialize(new WorkflowSignal(signal, payload, actor, DateTimeOffset.FromUnixTimeMilliseconds(now)), JsonSerializerOptions.Web);
                instance.NextRunAt = now;
                delivered();
            }
            IWorkflow<TState> workflow = services.GetRequiredService<TWorkflow>();
            workflow.OnTransition(new WorkflowTransition<TState>(
                instance.Id, instance.Tenant, TransitionKind.Milestone, instance.Status, milestone, state, null, DateTimeOffset.FromUnixTimeMilliseconds(now)));
            return null;
        }, cancellationToken, wake: false);

    /// <summary>
    /// Applies an outside command to an instance under its version; a concurrent write (the runner's) makes it read and
    /// decide again. A command that changed something wakes the instance when no runner holds it.
    /// </summary>
    private async Task<CommandResult> CommandAsync(
        string instanceId, Func<WorkflowInstance, long, CommandResult?> decide, CancellationToken cancellationToken, bool loadSteps = false, bool wake = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            var instance = await Instances.SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is null)
            {
                return CommandResult.NotFound;
            }
            if (loadSteps)
            {
                await db.Set<WorkflowStepRecord>().Where(s => s.InstanceId == instanceId).LoadAsync(cancellationToken);
            }

            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (decide(instance, now) is { } refused)
            {
                db.ChangeTracker.Clear();
                return refused;
            }
            instance.Version++;
            instance.UpdatedAt = now;
            if (wake && (instance.LeaseUntil is null || instance.LeaseUntil < now))
            {
                instance.NextRunAt = Math.Min(instance.NextRunAt ?? now, now);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (wake)
                {
                    wakeup.Notify();
                }
                return CommandResult.Accepted;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 20)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), clock, cancellationToken);
            }
        }
    }

    private void History(string instanceId, string kind, string? actor, string? detail, long now) =>
        db.Add(new WorkflowHistoryRecord { InstanceId = instanceId, Kind = kind, Actor = actor, Detail = detail is { Length: > 2000 } ? detail[..2000] : detail, At = now });
}
