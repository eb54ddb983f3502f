using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ApiPlatform.Workflows.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Workflows.Tests.Infrastructure;

/// <summary>
/// Listens to the <c>ApiPlatform.Workflows</c> meter of one host (the meter its <see cref="IMeterFactory"/> made, not
/// those of the other tests' hosts running at the same time) and keeps every measurement.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measured> measurements = new();

    public MeterRecorder(IHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkflowTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        listener.Start();
    }

    public sealed record Measured(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, string?> Tags)
    {
        public string? this[string tag] => Tags.GetValueOrDefault(tag);
    }

    public IReadOnlyList<Measured> Of(string instrument) => measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Reads the observable instruments (the instance gauge) now; answers what they reported.</summary>
    public IReadOnlyList<Measured> Observe(string instrument)
    {
        var before = measurements.Count;
        listener.RecordObservableInstruments();
        return measurements.Skip(before).Where(m => m.Instrument == instrument).ToList();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }
        measurements.Enqueue(new Measured(instrument.Name, instrument.Unit, value, copy));
    }

    public void Dispose() => listener.Dispose();
}
