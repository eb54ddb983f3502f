using ApiPlatform.Gateway.Usage;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Slo;

/// <summary>Moves the counted SLO measurements to the shared store, as consumer usage goes (<see cref="CountsFlusher{TKey, TCounter}"/>).</summary>
internal sealed class SloFlusher(
    SloRecorder recorder, ISloStore store, UsageStoreHealth health, IOptions<GatewayOptions> options, TimeProvider time,
    ILogger<SloFlusher> logger) : CountsFlusher<SloKey, SloCounter>(health, options, time, logger)
{
    protected override string What => "SLO measurements";

    protected override SemaphoreSlim Gate => recorder.FlushGate;

    protected override IReadOnlyDictionary<SloKey, SloCounter> Drain() => recorder.Drain();

    protected override void Restore(IReadOnlyDictionary<SloKey, SloCounter> counts) => recorder.Restore(counts);

    protected override Task StoreAsync(IReadOnlyDictionary<SloKey, SloCounter> counts, CancellationToken cancellationToken) =>
        store.AddAsync(counts, cancellationToken);
}
