using System.Diagnostics;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Telemetry;
using ApiPlatform.Workflows.Configuration;
using ApiPlatform.Workflows.Monitoring;
using ApiPlatform.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Workflows.Runtime;

/// <summary>
/// One claimed run of one instance. Every step is journalled as running (attempt counted, lease renewed) before its
/// side effect and with its outcome after it; each save is conditional on the instance's version, and a save that
/// finds the claim taken over (a newer fence) ends the run without writing.
/// </summary>
internal sealed partial class InstanceRun<TState>
    where TState : class
{
    private readonly DbContext db;
    private readonly IWorkflow<TState> workflow;
    private readonly IReadOnlyList<WorkflowStep<TState>> steps;
    private readonly WorkflowInstance instance;
    private readonly List<WorkflowStepRecord> journal;
    private readonly long fence;
    private readonly WorkflowOptions options;
    private readonly TimeProvider clock;
    private readonly WorkflowTelemetry telemetry;
    private readonly ILogger logger;
    private readonly Func<CancellationToken, Task<bool>> renewLease;

    private InstanceRun(
        DbContext db, IWorkflow<TState> workflow, WorkflowInstance instance, List<WorkflowStepRecord> journal, long fence, WorkflowOptions options,
        TimeProvider clock, WorkflowTelemetry telemetry, ILogger logger, Func<CancellationToken, Task<bool>> renewLease)
    {
        this.renewLease = renewLease;
        this.db = db;
        this.workflow = workflow;
        steps = workflow.Steps;
        this.instance = instance;
        this.journal = journal;
        this.fence = fence;
        this.options = options;
        this.clock = clock;
        this.telemetry = telemetry;
        this.logger = logger;
    }

    public static async Task<InstanceRun<TState>?> LoadAsync(
        DbContext db, IWorkflow<TState> workflow, string id, long fence, WorkflowOptions options, TimeProvider clock, WorkflowTelemetry telemetry,
        ILogger logger, Func<CancellationToken, Task<bool>> renewLease, CancellationToken cancellationToken)
    {
        var instance = await db.Set<WorkflowInstance>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null || instance.Fence != fence)
        {
            return null;
        }
        var journal = await db.Set<WorkflowStepRecord>().Where(s => s.InstanceId == id).ToListAsync(cancellationToken);
        return new InstanceRun<TState>(db, workflow, instance, journal, fence, options, clock, telemetry, logger, renewLease);
    }

    private enum Next
    {
        Continue,
        Stop,
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var activity = WorkflowTelemetry.Source.StartActivity($"{instance.Type} run");
        activity?.SetTag("workflow.instance.id", instance.Id);
        activity?.SetTag("correlation.id", instance.CorrelationId);
        using var correlation = Correlation.Continue(instance.CorrelationId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = instance.CorrelationId, ["WorkflowInstance"] = instance.Id });
        while (!stopping.IsCancellationRequested)
        {
            var next = instance.Status switch
            {
                WorkflowStatus.Running or WorkflowStatus.Waiting => await ForwardAsync(stopping),
                WorkflowStatus.Compensating => await CompensateAsync(stopping),
                _ => Next.Stop,
            };
            if (next == Next.Stop || lost)
            {
                return;
            }
        }
        await ReleaseAfterStopAsync();
    }

    private async Task<Next> ForwardAsync(CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        if (instance.CancelRequested)
        {
            BeginCompensation(CompensationCause.Cancelled, instance.CancelReason ?? "Cancelled.", now);
            return await SaveAsync() ? Next.Continue : Next.Stop;
        }

        if (instance.StepIndex >= steps.Count)
        {
            End(WorkflowStatus.Completed, now);
            Transition(TransitionKind.Completed, null, null, now);
            await SaveAsync();
            return Next.Stop;
        }

        var step = steps[instance.StepIndex];
        var record = Record(StepPhase.Forward, instance.StepIndex, step.Name);
        var signal = instance.Signal is { } received ? JsonSerializer.Deserialize<WorkflowSignal>(received, JsonSerializerOptions.Web) : null;
        if (instance.Status == WorkflowStatus.Waiting && !Resume(ref signal, now))
        {
            // Woken before its signal or deadline (a wake-up for another reason): wait on.
            instance.NextRunAt = instance.WaitDeadline;
            Release();
            await SaveAsync();
            return Next.Stop;
        }

        var state = Deserialize(instance.State);
        record.Status = StepStatus.Running;
        record.Runner = instance.LeaseOwner;
        record.Attempts++;
        record.StartedAt ??= now.ToUnixTimeMilliseconds();
        record.NextAttemptAt = null;
        if (!await SaveAsync())
        {
            return Next.Stop;
        }

        var context = new StepContext<TState>
        {
            InstanceId = instance.Id, Step = step.Name, Tenant = instance.Tenant, IdempotencyKey = $"{instance.Id}:{step.Name}",
            Attempt = record.Attempts, State = state, Signal = signal, Now = now,
        };
        var started = Stopwatch.GetTimestamp();
        StepResult? result = null;
        Failure? failure = null;
        try
        {
            result = await WithLeaseAsync(() => step.Run(context, stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            failure = Failure.Of(ex);
            if (!failure.Refused)
            {
                logger.LogWarning(ex, "Step {Step} of {Type} instance {Instance} failed (attempt {Attempt})", step.Name, instance.Type, instance.Id, record.Attempts);
            }
        }

        now = clock.GetUtcNow();
        var outcome = failure is null ? result!.Outcome.ToString() : failure.Refused ? "Refused" : "Failed";
        telemetry.Step(instance.Type, step.Name, StepPhase.Forward, outcome, Stopwatch.GetElapsedTime(started));
        if (failure is { Refused: false })
        {
            return await RetryOrGiveUpAsync(record, failure, now);
        }

        result = failure is null ? result! : StepResult.Refused(failure.Message);
        record.Error = null;
        instance.Signal = null;
        switch (result.Outcome)
        {
            case StepOutcome.Done or StepOutcome.Skipped:
                record.Status = result.Outcome == StepOutcome.Done ? StepStatus.Succeeded : StepStatus.Skipped;
                record.Detail = Truncate(result.Detail);
                record.CompletedAt = now.ToUnixTimeMilliseconds();
                instance.State = Serialize(state);
                instance.StepIndex++;
                instance.StepStartedAt = now.ToUnixTimeMilliseconds();
                instance.Error = null;
                Transition(TransitionKind.StepCompleted, step.Name, null, now, state);
                return await SaveAsync() ? Next.Continue : Next.Stop;

            case StepOutcome.Waiting:
                record.Status = StepStatus.Waiting;
                record.Detail = Truncate(result.Detail);
                instance.State = Serialize(state);
                instance.Status = WorkflowStatus.Waiting;
                instance.WaitingFor = result.WaitFor;
                instance.WaitDeadline = result.Deadline?.ToUnixTimeMilliseconds();
                instance.NextRunAt = instance.WaitDeadline;
                if (signal is null)
                {
                    // The wait began when the step ran (the time a deadline computed from StepContext.Now counts from).
                    instance.StepStartedAt = context.Now.ToUnixTimeMilliseconds();
                }
                Release();
                Transition(TransitionKind.Waiting, step.Name, null, now, state);
                await SaveAsync();
                return Next.Stop;

            default:
                record.Status = StepStatus.Refused;
                record.Detail = Truncate(result.Detail);
                record.CompletedAt = now.ToUnixTimeMilliseconds();
                instance.State = Serialize(state);
                BeginCompensation(CompensationCause.Refused, result.Detail ?? $"{step.Name} was refused.", now);
                return await SaveAsync() ? Next.Continue : Next.Stop;
        }
    }

    private async Task<Next> RetryOrGiveUpAsync(WorkflowStepRecord record, Failure failure, DateTimeOffset now)
    {
        record.Error = Truncate(failure.Message);
        instance.Error = record.Error;
        if (record.Attempts < options.MaxAttempts)
        {
            var due = now + Backoff.Delay(record.Attempts, options.RetryBaseDelay, options.RetryMaxDelay, failure.RetryAfter);
            record.Status = StepStatus.Retrying;
            record.NextAttemptAt = due.ToUnixTimeMilliseconds();
            instance.NextRunAt = record.NextAttemptAt;
            Release();
            telemetry.Retry(instance.Type, record.Name);
            await SaveAsync();
            return Next.Stop;
        }

        record.Status = StepStatus.Failed;
        record.CompletedAt = now.ToUnixTimeMilliseconds();
        instance.Signal = null;
        BeginCompensation(CompensationCause.Failed, $"{record.Name} could not be completed: a system it needs kept failing.", now);
        return await SaveAsync() ? Next.Continue : Next.Stop;
    }

    /// <summary>
    /// A waiting step resumes with its signal, or with its timeout once the deadline has passed (recorded once: the
    /// timeout is kept as the instance's signal until the step's outcome is saved, so a re-run after a crash sees it too).
    /// </summary>
    private bool Resume(ref WorkflowSignal? signal, DateTimeOffset now)
    {
        if (signal is null && instance.WaitDeadline is { } deadline && deadline <= now.ToUnixTimeMilliseconds())
        {
            signal = new WorkflowSignal(instance.WaitingFor ?? "", null, null, now, TimedOut: true);
            instance.Signal = JsonSerializer.Serialize(signal, JsonSerializerOptions.Web);
            History("TimerFired", null, $"The deadline of '{instance.WaitingFor}' passed.", now);
        }

        if (signal is null)
        {
            return false;
        }
        instance.Status = WorkflowStatus.Running;
        instance.WaitingFor = null;
        instance.WaitDeadline = null;
        return true;
    }
}
