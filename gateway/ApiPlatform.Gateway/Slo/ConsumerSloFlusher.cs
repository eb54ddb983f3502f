using ApiPlatform.Gateway.Usage;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Slo;

/// <summary>Moves the counted per-consumer SLO measurements to the shared store, as consumer usage goes (<see cref="CountsFlusher{TKey, TCounter}"/>).</summary>
internal sealed class ConsumerSloFlusher(
    ConsumerSloRecorder recorder, IConsumerSloStore store, UsageStoreHealth health, IOptions<GatewayOptions> options, TimeProvider time,
    ILogger<ConsumerSloFlusher> logger) : CountsFlusher<ConsumerSloKey, SloCounter>(health, options, time, logger)
{
    protected override string What => "Per-consumer SLO measurements";

    protected override SemaphoreSlim Gate => recorder.FlushGate;

    protected override IReadOnlyDictionary<ConsumerSloKey, SloCounter> Drain() => recorder.Drain();

    protected override void Restore(IReadOnlyDictionary<ConsumerSloKey, SloCounter> counts) => recorder.Restore(counts);

    protected override Task StoreAsync(IReadOnlyDictionary<ConsumerSloKey, SloCounter> counts, CancellationToken cancellationToken) =>
        store.AddAsync(counts, cancellationToken);
}
