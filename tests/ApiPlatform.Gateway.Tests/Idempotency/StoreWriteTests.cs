using System.Net;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.Idempotency;

/// <summary>Storing a response for replay costs the caller no wait, and a retry never runs the request a second time.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StoreWriteTests(GatewayFixture fixture)
{
    private const string Orders = "/experience/partner-portal/v2/orders";
    private string Token => fixture.Token("partner-portal", "experience:partner-portal");

    [Fact]
    public async Task The_caller_gets_its_response_while_the_store_is_still_writing_and_a_retry_meanwhile_answers_409_then_replays()
    {
        var store = new SlowCompleteStore();
        // A write slower than the store timeout counts as failed; this one is slow but within it.
        await using var gateway = await TestGateway.StartAsync(fixture,
            settings: new Dictionary<string, string?> { ["Gateway:Idempotency:StoreTimeout"] = "00:00:05" },
            services: services => services.AddSingleton<IIdempotencyStore>(store));
        var key = Guid.NewGuid().ToString();

        using var first = await gateway.Host.PostAsync(Orders, Token, """{"quote":"q-1"}""", key).WaitAsync(TimeSpan.FromSeconds(10));
        var body = await first.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(store.Writing.Task.IsCompleted, "the response was not sent to the store");
        Assert.Contains("q-1", body);
        // On a connection of its own: the first one serves its next request once the first request is over.
        using var other = new HttpClient { BaseAddress = gateway.Host.Address };
        using (var meanwhile = await other.SendAsync(Post(key)).WaitAsync(TimeSpan.FromSeconds(3)))
        {
            await meanwhile.AssertProblemAsync(HttpStatusCode.Conflict, IdempotencyProblems.InFlightType);
        }

        store.Release.SetResult();
        HttpResponseMessage replayed;
        var until = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            replayed = await gateway.Host.PostAsync(Orders, Token, """{"quote":"q-1"}""", key);
            if (replayed.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > until)
            {
                break;
            }
            replayed.Dispose();
            await Task.Delay(50);
        }
        using (replayed)
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Equal("true", Assert.Single(replayed.Headers.GetValues(IdempotencyKey.ReplayedHeader)));
            Assert.Equal(body, await replayed.Content.ReadAsStringAsync());
        }
    }

    private HttpRequestMessage Post(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Orders.TrimStart('/'))
        {
            Content = new StringContent("""{"quote":"q-1"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Token);
        request.Headers.Add(ApiPlatform.Contracts.PlatformHeaders.IdempotencyKey, key);
        return request;
    }

    /// <summary>A store whose write of a response waits until the test lets it finish.</summary>
    private sealed class SlowCompleteStore : IIdempotencyStore
    {
        private readonly InMemoryIdempotencyStore inner = new(TimeProvider.System);

        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, string owner, TimeSpan inFlightLifetime) =>
            inner.TryBeginAsync(key, fingerprint, owner, inFlightLifetime);

        public async Task CompleteAsync(string key, string owner, StoredResponse response, TimeSpan lifetime)
        {
            Writing.TrySetResult();
            await Release.Task;
            await inner.CompleteAsync(key, owner, response, lifetime);
        }

        public Task ReleaseAsync(string key, string owner) => inner.ReleaseAsync(key, owner);
    }
}
