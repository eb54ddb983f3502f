namespace ApiPlatform.Messaging.Consumers;

internal sealed partial class ConsumerWorker<TContext>
{
    private async Task<bool> PollReplaysAsync(CancellationToken cancellationToken)
    {
        if (Now() < nextReplayPoll || replayTypes.Length == 0)
        {
            return false;
        }
        nextReplayPoll = Now() + (long)Options.ReplayPollInterval.TotalMilliseconds;
        var replays = await deadLetters.ClaimReplaysAsync(group, replayTypes, Options.BatchSize, Options.ReclaimAfter, cancellationToken);
        foreach (var (id, envelope) in replays)
        {
            queue.Enqueue(WorkItem.Replay(id, envelope));
        }
        return replays.Count > 0;
    }

    private async Task AcknowledgeAsync(CancellationToken cancellationToken)
    {
        if (acknowledgements.Count > 0)
        {
            await transport.AcknowledgeAsync(topic, group, acknowledgements, cancellationToken);
            held.ExceptWith(acknowledgements);
            acknowledgements.Clear();
        }
    }

    /// <summary>Until a message is published to the topic, a retry or a replay poll is due, or the poll interval ends.</summary>
    private async Task IdleAsync(Task published, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(published, Task.Delay(IdleDelay(), clock, wake.Token));
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private TimeSpan IdleDelay()
    {
        var until = Math.Min(queue.NextRetryAt ?? long.MaxValue, replayTypes.Length > 0 ? nextReplayPoll : long.MaxValue) - Now();
        return TimeSpan.FromMilliseconds(Math.Clamp(until, 1, (long)Options.PollInterval.TotalMilliseconds));
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
