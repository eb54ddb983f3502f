using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Apis;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.Gateway.Usage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests.Usage;

/// <summary>Counts on their way from memory to the shared store are never missing from what an admin reads.</summary>
[Collection(GatewayCollection.Name)]
public sealed class FlushGateTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_read_during_a_flush_waits_for_the_store_and_sees_every_count()
    {
        var catalog = fixture.Gateway.Services.GetRequiredService<ApiCatalog>();
        var recorder = new UsageRecorder(TimeProvider.System);
        var store = new SlowStore();
        var flusher = new UsageFlusher(recorder, store, new UsageStoreHealth(), Options.Create(new GatewayOptions()), TimeProvider.System,
            NullLogger<UsageFlusher>.Instance);
        recorder.Record(new UsageKey("partner-portal", 2, "partner-acme"));
        recorder.Record(new UsageKey("partner-portal", 2, "partner-acme"));

        var flush = flusher.FlushAsync(default);
        await store.Writing.Task;
        var read = ConsumersApi.ListConsumers("partner-portal", 2, catalog, store, recorder, default);
        await Task.Delay(200);
        Assert.False(read.IsCompleted, "the read did not wait for the flush in progress");
        store.Release.SetResult();
        await flush;

        var consumers = Assert.IsType<Ok<ConsumerUsage[]>>((await read).Result).Value!;
        Assert.Equal(2, Assert.Single(consumers).Requests);
    }

    /// <summary>A store whose write waits until the test lets it finish.</summary>
    private sealed class SlowStore : IUsageStore
    {
        private readonly InMemoryUsageStore inner = new();

        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task AddAsync(IReadOnlyDictionary<UsageKey, UsageCounter> counts, CancellationToken cancellationToken)
        {
            Writing.SetResult();
            await Release.Task;
            await inner.AddAsync(counts, cancellationToken);
        }

        public Task<IReadOnlyList<ConsumerUsage>> ReadAsync(string api, int major, CancellationToken cancellationToken) =>
            inner.ReadAsync(api, major, cancellationToken);
    }
}
