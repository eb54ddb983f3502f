using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ApiPlatform.Contracts.Events;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// Listens to <see cref="ConnectorMetrics.CallDurationName"/> for one system API and sums its connectors' calls until
/// the sampler takes them. A listener of its own, so hosts sharing a process (the AppHost) each see only their system.
/// </summary>
internal sealed class ConnectorCallStats : IDisposable
{
    private readonly string system;
    private readonly MeterListener listener = new();
    private ConcurrentDictionary<string, Window> pending = new();

    public ConnectorCallStats(string system)
    {
        this.system = system;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ConnectorMetrics.MeterName && instrument.Name == ConnectorMetrics.CallDurationName)
            {
                l.EnableMeasurementEvents(instrument, this);
            }
        };
        listener.SetMeasurementEventCallback<double>(static (_, milliseconds, tags, state) => ((ConnectorCallStats)state!).Record(milliseconds, tags));
        listener.Start();
    }

    /// <summary>Takes the calls counted so far; counting goes on into a fresh table.</summary>
    public IReadOnlyList<ConnectorCallSample> Drain() =>
        Interlocked.Exchange(ref pending, new()).Select(c => c.Value.ToSample(c.Key)).OrderBy(s => s.Connector, StringComparer.Ordinal).ToList();

    private void Record(double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? callSystem = null, connector = null, cause = null;
        int? status = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "system": callSystem = tag.Value as string; break;
                case "connector": connector = tag.Value as string; break;
                case "status": status = tag.Value as int?; break;
                case "cause": cause = tag.Value as string; break;
            }
        }
        if (callSystem == system && connector is not null)
        {
            pending.GetOrAdd(connector, static _ => new Window()).Add(milliseconds, status, cause);
        }
    }

    public void Dispose() => listener.Dispose();

    private sealed class Window
    {
        private readonly long[] buckets = new long[ConnectorCallSample.LatencyBoundsMs.Count + 1];
        private readonly ConcurrentDictionary<(int Status, string Cause), long> failures = new();
        private long calls;

        public void Add(double milliseconds, int? status, string? cause)
        {
            Interlocked.Increment(ref calls);
            var bucket = 0;
            while (bucket < ConnectorCallSample.LatencyBoundsMs.Count && milliseconds > ConnectorCallSample.LatencyBoundsMs[bucket])
            {
                bucket++;
            }
            Interlocked.Increment(ref buckets[bucket]);
            if (status is { } failed)
            {
                failures.AddOrUpdate((failed, cause ?? CallOutcome.BadAnswer), 1, static (_, n) => n + 1);
            }
        }

        public ConnectorCallSample ToSample(string connector) => new(connector, Interlocked.Read(ref calls),
            failures.OrderBy(f => f.Key.Status).ThenBy(f => f.Key.Cause, StringComparer.Ordinal)
                .Select(f => new ConnectorFailureCount(f.Key.Status, f.Key.Cause, f.Value)).ToList(),
            buckets.Select(b => Interlocked.Read(ref b)).ToList());
    }
}
