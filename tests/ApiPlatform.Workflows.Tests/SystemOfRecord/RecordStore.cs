using System.Collections.Concurrent;

namespace ApiPlatform.Workflows.Tests.SystemOfRecord;

/// <summary>
/// What the system of record holds and saw: documents and undos by idempotency key, every request, the faults to
/// answer, and requests that were in flight at the same time for one key or one instance (which must never happen
/// between two runners).
/// </summary>
public sealed class RecordStore
{
    private readonly ConcurrentDictionary<string, Document> documents = new();
    private readonly ConcurrentDictionary<string, Document> undos = new();
    private readonly ConcurrentQueue<RequestLogEntry> requests = new();
    private readonly ConcurrentDictionary<(string Kind, string Step), FaultRule> faults = new();
    private readonly ConcurrentDictionary<string, int> keysInFlight = new();
    private readonly ConcurrentDictionary<string, int> instancesInFlight = new();
    private long number;
    private int keyOverlaps;
    private int instanceOverlaps;
    private int inFlight;

    public const string Do = "do";
    public const string Undo = "undo";

    /// <summary>How long the work takes, half before its effect and half after it (so a kill can land on either side).</summary>
    public (int Min, int Max) DelayMilliseconds { get; set; }

    public (int Min, int Max) UndoDelayMilliseconds { get; set; }

    public ICollection<Document> Documents => documents.Values;

    public ICollection<Document> Undos => undos.Values;

    public IReadOnlyCollection<RequestLogEntry> Requests => requests;

    public int KeyOverlaps => Volatile.Read(ref keyOverlaps);

    public int InstanceOverlaps => Volatile.Read(ref instanceOverlaps);

    /// <summary>Requests being worked on right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    public IEnumerable<Document> DocumentsOf(string instanceId) => documents.Values.Where(d => d.InstanceId == instanceId).OrderBy(d => d.Number);

    /// <summary>The steps undone for an instance, in the order the system undid them.</summary>
    public IReadOnlyList<string> UndoneStepsOf(string instanceId) => undos.Values.Where(d => d.InstanceId == instanceId).OrderBy(d => d.Number).Select(d => d.Step).ToList();

    public IReadOnlyList<RequestLogEntry> RequestsOf(string instanceId, string kind, string step) =>
        requests.Where(r => r.InstanceId == instanceId && r.Kind == kind && r.Step == step).ToList();

    /// <summary>Answers <paramref name="fault"/> to the next <paramref name="times"/> requests of that kind and step (of one instance, if given).</summary>
    public void Fail(string kind, string step, Fault fault, int times = int.MaxValue, string? instanceId = null) =>
        faults[(kind, step)] = new FaultRule(fault, times, instanceId);

    public void Heal(string kind, string step) => faults.TryRemove((kind, step), out _);

    internal Fault? NextFault(string kind, string step, string instanceId) =>
        faults.TryGetValue((kind, step), out var rule) ? rule.Take(instanceId) : null;

    internal void Log(RequestLogEntry entry) => requests.Enqueue(entry);

    internal Document Apply(string kind, string step, string key, string instanceId, string? replica, DateTimeOffset at)
    {
        var table = kind == Do ? documents : undos;
        var created = false;
        var document = table.GetOrAdd(key, _ =>
        {
            created = true;
            return new Document(key, step, instanceId, replica, Interlocked.Increment(ref number), at);
        });
        if (!created)
        {
            document.Replayed();
        }
        return document;
    }

    internal bool HasDocument(string key) => documents.ContainsKey(key);

    internal IDisposable Enter(string key, string instanceId)
    {
        Interlocked.Increment(ref inFlight);
        if (keysInFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref keyOverlaps);
        }
        if (instancesInFlight.AddOrUpdate(instanceId, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref instanceOverlaps);
        }
        return new Leave(this, key, instanceId);
    }

    private sealed class Leave(RecordStore store, string key, string instanceId) : IDisposable
    {
        public void Dispose()
        {
            Interlocked.Decrement(ref store.inFlight);
            store.keysInFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            store.instancesInFlight.AddOrUpdate(instanceId, 0, (_, n) => n - 1);
        }
    }

    private sealed class FaultRule(Fault fault, int times, string? instanceId)
    {
        private readonly Lock gate = new();
        private int remaining = times;

        public Fault? Take(string instance)
        {
            if (instanceId is not null && instanceId != instance)
            {
                return null;
            }
            lock (gate)
            {
                if (remaining <= 0)
                {
                    return null;
                }
                remaining--;
                return fault;
            }
        }
    }
}
