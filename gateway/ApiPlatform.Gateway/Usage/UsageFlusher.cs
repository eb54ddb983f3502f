using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Usage;

/// <summary>Moves the counted consumer usage to the shared store (<see cref="CountsFlusher{TKey, TCounter}"/>).</summary>
internal sealed class UsageFlusher(
    UsageRecorder recorder, IUsageStore store, UsageStoreHealth health, IOptions<GatewayOptions> options, TimeProvider time,
    ILogger<UsageFlusher> logger) : CountsFlusher<UsageKey, UsageCounter>(health, options, time, logger)
{
    protected override string What => "Consumer usage";

    protected override SemaphoreSlim Gate => recorder.FlushGate;

    protected override IReadOnlyDictionary<UsageKey, UsageCounter> Drain() => recorder.Drain();

    protected override void Restore(IReadOnlyDictionary<UsageKey, UsageCounter> counts) => recorder.Restore(counts);

    protected override Task StoreAsync(IReadOnlyDictionary<UsageKey, UsageCounter> counts, CancellationToken cancellationToken) =>
        store.AddAsync(counts, cancellationToken);
}
