using ApiPlatform.Gateway.Slo;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Gateway.Tests.Slo;

/// <summary>The per-consumer recorder on the request path: no allocation for a consumer already counted this minute.</summary>
public sealed class ConsumerSloRecorderTests
{
    [Fact]
    public void Recording_a_known_consumer_or_one_beyond_the_limit_allocates_nothing()
    {
        var recorder = new ConsumerSloRecorder(new FakeTimeProvider(DateTimeOffset.UtcNow), Options.Create(new GatewayOptions { ConsumerTrafficLimit = 1 }));
        var (api, known, beyond) = ("erp", "partner-a", "partner-b");
        // The first round counts them in (and lets the runtime settle); the second is measured.
        var allocated = new long[2];
        for (var round = 0; round < 2; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                recorder.Record(api, 3, known, i % 10 == 0 ? 503 : 200, i);
                recorder.Record(api, 3, beyond, 200, i);
            }
            allocated[round] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated[1]);
        var counts = recorder.Drain();
        Assert.Equal(2_000, counts.Single(c => c.Key.ClientId == known).Value.Requests);
        Assert.Equal(200, counts.Single(c => c.Key.ClientId == known).Value.ServerErrors);
        Assert.Equal(2_000, counts.Single(c => c.Key.ClientId == "(other)").Value.Requests);
    }
}
