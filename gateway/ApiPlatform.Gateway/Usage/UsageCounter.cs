namespace ApiPlatform.Gateway.Usage;

/// <summary>Requests counted since the last flush and the newest request time (Unix milliseconds).</summary>
internal sealed class UsageCounter
{
    private long requests;
    private long lastSeen;

    public long Requests => Interlocked.Read(ref requests);

    public long LastSeenUnixMs => Interlocked.Read(ref lastSeen);

    public void Add(long count, long seenUnixMs)
    {
        Interlocked.Add(ref requests, count);
        long current;
        while (seenUnixMs > (current = Interlocked.Read(ref lastSeen))
            && Interlocked.CompareExchange(ref lastSeen, seenUnixMs, current) != current)
        {
        }
    }
}
