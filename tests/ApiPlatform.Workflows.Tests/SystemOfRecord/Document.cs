namespace ApiPlatform.Workflows.Tests.SystemOfRecord;

/// <summary>
/// A document the system of record made (or undid) for one idempotency key; <see cref="Number"/> orders all of them.
/// <see cref="Requests"/> counts the requests that reached the effect with this key: more than one is a replay.
/// </summary>
public sealed class Document(string key, string step, string instanceId, string? replica, long number, DateTimeOffset at)
{
    private int requests = 1;

    public string Key { get; } = key;

    public string Step { get; } = step;

    public string InstanceId { get; } = instanceId;

    public string? Replica { get; } = replica;

    public long Number { get; } = number;

    public DateTimeOffset At { get; } = at;

    public int Requests => Volatile.Read(ref requests);

    internal void Replayed() => Interlocked.Increment(ref requests);
}

/// <summary>One request as the system of record received it, with the status it answered.</summary>
public sealed record RequestLogEntry(DateTimeOffset At, string Kind, string Step, string Key, string InstanceId, string? Replica, int Status);
