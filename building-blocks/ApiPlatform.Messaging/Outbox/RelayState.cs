namespace ApiPlatform.Messaging.Outbox;

/// <summary>What this replica's relay last did, for readiness and metrics.</summary>
internal sealed class RelayState
{
    private long lastProgressAt;

    public bool Running { get; private set; }

    /// <summary>When the relay last finished a pass without error (Unix ms); 0 before its first.</summary>
    public long LastProgressAt => Interlocked.Read(ref lastProgressAt);

    public int ConsecutiveFailures { get; private set; }

    public string? LastError { get; private set; }

    public void Started(long now)
    {
        Running = true;
        Interlocked.Exchange(ref lastProgressAt, now);
    }

    public void Stopped() => Running = false;

    public void Progressed(long now)
    {
        ConsecutiveFailures = 0;
        Interlocked.Exchange(ref lastProgressAt, now);
    }

    /// <summary>Backs off exponentially while passes keep failing, from RetryDelay up to MaxRetryDelay.</summary>
    public TimeSpan RetryDelay(Configuration.OutboxOptions options)
    {
        var delay = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(ConsecutiveFailures - 1, 0, 20));
        return TimeSpan.FromMilliseconds(Math.Min(delay, options.MaxRetryDelay.TotalMilliseconds));
    }

    public void Failed(string error)
    {
        ConsecutiveFailures++;
        LastError = error;
    }
}
