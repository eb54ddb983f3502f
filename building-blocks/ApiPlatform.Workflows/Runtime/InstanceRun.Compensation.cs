using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Workflows.Runtime;

internal sealed partial class InstanceRun<TState>
{
    private async Task<Next> CompensateAsync(CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        while (instance.StepIndex >= 0 && !NeedsCompensation(instance.StepIndex))
        {
            instance.StepIndex--;
        }

        if (instance.StepIndex < 0)
        {
            var cancelled = instance.Cause == CompensationCause.Cancelled;
            End(cancelled ? WorkflowStatus.Cancelled : WorkflowStatus.Compensated, now);
            instance.StepIndex = 0;
            Transition(cancelled ? TransitionKind.Cancelled : TransitionKind.Compensated, null, instance.Reason, now);
            await SaveAsync();
            return Next.Stop;
        }

        var step = steps[instance.StepIndex];
        var record = Record(StepPhase.Compensation, instance.StepIndex, step.Name);
        record.Status = StepStatus.Running;
        record.Runner = instance.LeaseOwner;
        record.Attempts++;
        record.StartedAt ??= now.ToUnixTimeMilliseconds();
        record.NextAttemptAt = null;
        if (!await SaveAsync())
        {
            return Next.Stop;
        }

        var state = Deserialize(instance.State);
        var context = new StepContext<TState>
        {
            InstanceId = instance.Id, Step = step.Name, Tenant = instance.Tenant, IdempotencyKey = $"{instance.Id}:{step.Name}:compensate",
            Attempt = record.Attempts, State = state, Now = now,
        };
        var started = Stopwatch.GetTimestamp();
        Failure? failure = null;
        try
        {
            await WithLeaseAsync(async () =>
            {
                await step.Compensate!(context, stopping);
                return true;
            });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            failure = Failure.Of(ex);
            logger.LogWarning(ex, "Compensation of {Step} in {Type} instance {Instance} failed (attempt {Attempt})", step.Name, instance.Type, instance.Id, record.Attempts);
        }

        now = clock.GetUtcNow();
        telemetry.Step(instance.Type, step.Name, StepPhase.Compensation, failure is null ? "Done" : "Failed", Stopwatch.GetElapsedTime(started));
        if (failure is null)
        {
            record.Status = StepStatus.Succeeded;
            record.Error = null;
            record.CompletedAt = now.ToUnixTimeMilliseconds();
            instance.State = Serialize(state);
            instance.StepIndex--;
            instance.StepStartedAt = now.ToUnixTimeMilliseconds();
            Transition(TransitionKind.StepCompensated, step.Name, null, now, state);
            return await SaveAsync() ? Next.Continue : Next.Stop;
        }

        record.Error = Truncate(failure.Message);
        instance.Error = record.Error;
        if (record.Attempts < options.CompensationMaxAttempts)
        {
            record.Status = StepStatus.Retrying;
            record.NextAttemptAt = (now + Backoff.Delay(record.Attempts, options.RetryBaseDelay, options.RetryMaxDelay, failure.RetryAfter)).ToUnixTimeMilliseconds();
            instance.NextRunAt = record.NextAttemptAt;
            Release();
            telemetry.Retry(instance.Type, step.Name);
            await SaveAsync();
            return Next.Stop;
        }

        record.Status = StepStatus.Failed;
        record.CompletedAt = now.ToUnixTimeMilliseconds();
        instance.Status = WorkflowStatus.CompensationFailed;
        instance.NextRunAt = null;
        Release();
        Transition(TransitionKind.CompensationFailed, step.Name, record.Error, now);
        await SaveAsync();
        return Next.Stop;
    }

    private bool NeedsCompensation(int index) =>
        steps[index].Compensate is not null
        && Find(StepPhase.Forward, index)?.Status == StepStatus.Succeeded
        && Find(StepPhase.Compensation, index)?.Status != StepStatus.Succeeded;

    private void BeginCompensation(CompensationCause cause, string reason, DateTimeOffset now)
    {
        if (Find(StepPhase.Forward, instance.StepIndex) is { Status: StepStatus.Running or StepStatus.Waiting or StepStatus.Retrying } interrupted)
        {
            interrupted.Status = StepStatus.Failed;
            interrupted.Detail = Truncate(reason);
            interrupted.CompletedAt = now.ToUnixTimeMilliseconds();
        }
        instance.Status = WorkflowStatus.Compensating;
        instance.Cause = cause;
        instance.Reason = Truncate(reason);
        instance.StepIndex--;
        instance.StepStartedAt = now.ToUnixTimeMilliseconds();
        instance.Signal = null;
        instance.WaitingFor = null;
        instance.WaitDeadline = null;
        instance.NextRunAt = now.ToUnixTimeMilliseconds();
        telemetry.Compensation(instance.Type, cause);
        Transition(TransitionKind.CompensationStarted, null, instance.Reason, now);
    }
}
