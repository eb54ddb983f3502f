using System.Net;
using System.Net.Http.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.Idempotency;

[Collection(GatewayCollection.Name)]
public sealed class IdempotencyTests(GatewayFixture fixture)
{
    private const string Orders = "/experience/partner-portal/v2/orders";
    private string Token => fixture.Token("partner-portal", "experience:partner-portal");

    [Fact]
    public async Task The_first_response_is_replayed_for_a_repeat_with_the_same_key_and_body()
    {
        var key = Key();

        using var first = await fixture.Gateway.PostAsync(Orders, Token, """{"quote":"q-1"}""", key);
        using var repeat = await fixture.Gateway.PostAsync(Orders, Token, """{"quote":"q-1"}""", key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyKey.ReplayedHeader));
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues(IdempotencyKey.ReplayedHeader)));
        var original = await first.Content.ReadFromJsonAsync<EchoedRequest>();
        var replayed = await repeat.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal(original!.Sequence, replayed!.Sequence);
        Assert.Equal(key, original.Header(PlatformHeaders.IdempotencyKey));
        Assert.Equal(first.Content.Headers.ContentType, repeat.Content.Headers.ContentType);
    }

    [Fact]
    public async Task The_same_key_with_another_body_answers_422()
    {
        var key = Key();
        using var first = await fixture.Gateway.PostAsync(Orders, Token, """{"quote":"q-1"}""", key);

        using var other = await fixture.Gateway.PostAsync(Orders, Token, """{"quote":"q-2"}""", key);

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, IdempotencyProblems.KeyReusedType);
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_is_in_flight_answers_409()
    {
        var key = Key();
        var slow = fixture.Gateway.PostAsync("/experience/partner-portal/v2/delay/1500/orders", Token, "{}", key);
        await Task.Delay(500);

        using var concurrent = await fixture.Gateway.PostAsync("/experience/partner-portal/v2/delay/1500/orders", Token, "{}", key);
        using var completed = await slow;

        await concurrent.AssertProblemAsync(HttpStatusCode.Conflict, IdempotencyProblems.InFlightType);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    [Fact]
    public async Task A_missing_key_on_a_required_route_answers_400_before_reaching_the_upstream()
    {
        var before = fixture.Backend.Requests;

        using var response = await fixture.Gateway.PostAsync(Orders, Token, "{}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, IdempotencyProblems.KeyMissingType);
        Assert.Equal(before, fixture.Backend.Requests);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("\"\"")]
    [InlineData("a,b")]
    [InlineData("\"unterminated")]
    public async Task A_malformed_key_answers_400(string key)
    {
        using var response = await fixture.Gateway.PostAsync(Orders, Token, "{}", key);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, IdempotencyProblems.KeyMalformedType);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_answers_400()
    {
        using var response = await fixture.Gateway.PostAsync(Orders, Token, "{}", new string('k', 256));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, IdempotencyProblems.KeyMalformedType);
    }

    [Fact]
    public async Task Quoted_sf_string_keys_are_accepted()
    {
        using var response = await fixture.Gateway.PostAsync(Orders, Token, "{}", $"\"{Guid.NewGuid()}\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_upstream_5xx_is_not_stored_so_a_retry_runs_again()
    {
        var key = Key();

        using var failed = await fixture.Gateway.PostAsync("/experience/partner-portal/v2/status/500/orders", Token, "{}", key);
        using var retried = await fixture.Gateway.PostAsync("/experience/partner-portal/v2/status/500/orders", Token, "{}", key);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyKey.ReplayedHeader));
        Assert.NotEqual((await failed.Content.ReadFromJsonAsync<EchoedRequest>())!.Sequence, (await retried.Content.ReadFromJsonAsync<EchoedRequest>())!.Sequence);
    }

    [Fact]
    public async Task Keys_are_scoped_per_client()
    {
        var key = Key();
        var other = fixture.Issuer.CreateToken("partner-portal", "experience:partner-portal", clientId: "partner-test", tenant: "acme");

        using var mine = await fixture.Gateway.PostAsync(Orders, Token, "{}", key);
        using var theirs = await fixture.Gateway.PostAsync(Orders, other, "{}", key);

        Assert.False(theirs.Headers.Contains(IdempotencyKey.ReplayedHeader));
        Assert.NotEqual((await mine.Content.ReadFromJsonAsync<EchoedRequest>())!.Sequence, (await theirs.Content.ReadFromJsonAsync<EchoedRequest>())!.Sequence);
    }

    [Fact]
    public async Task Optional_routes_pass_requests_without_a_key_and_replay_those_with_one()
    {
        var token = fixture.Token("erp", "system:erp");
        var key = Key();

        using var withoutKey = await fixture.Gateway.PostAsync("/system/erp/v3/orders", token, "{}");
        using var first = await fixture.Gateway.PostAsync("/system/erp/v3/orders", token, "{}", key);
        using var repeat = await fixture.Gateway.PostAsync("/system/erp/v3/orders", token, "{}", key);

        Assert.Equal(HttpStatusCode.OK, withoutKey.StatusCode);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues(IdempotencyKey.ReplayedHeader)));
    }

    [Fact]
    public async Task Get_on_a_required_route_needs_no_key()
    {
        using var response = await fixture.Gateway.GetAsync(Orders, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_claim_that_lands_after_the_store_timed_out_does_not_hold_the_key_against_the_retry()
    {
        var slow = new LateClaimStore();
        await using var gateway = await TestGateway.StartAsync(fixture,
            settings: new Dictionary<string, string?> { ["Gateway:Idempotency:StoreTimeout"] = "00:00:00.200" },
            services: services => services.AddSingleton<IIdempotencyStore>(slow));
        var key = Key();

        using var refused = await gateway.Host.PostAsync(Orders, Token, "{}", key);
        await slow.Landed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The late claim is freed right after it lands; the caller's retry (it was told 503 + Retry-After) then runs.
        HttpResponseMessage retried;
        var until = DateTime.UtcNow.AddSeconds(5);
        do
        {
            await Task.Delay(100);
            retried = await gateway.Host.PostAsync(Orders, Token, "{}", key);
        }
        while (retried.StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < until);

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, IdempotencyProblems.StoreUnavailableType);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyKey.ReplayedHeader));
        retried.Dispose();
    }

    private static string Key() => Guid.NewGuid().ToString();

    /// <summary>A store whose first claim answers after the gateway's store timeout, but does claim the key.</summary>
    private sealed class LateClaimStore : IIdempotencyStore
    {
        private readonly InMemoryIdempotencyStore inner = new(TimeProvider.System);
        private int calls;

        public TaskCompletionSource Landed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, string owner, TimeSpan inFlightLifetime)
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                return await inner.TryBeginAsync(key, fingerprint, owner, inFlightLifetime);
            }
            await Task.Delay(600);
            var claim = await inner.TryBeginAsync(key, fingerprint, owner, inFlightLifetime);
            Landed.SetResult();
            return claim;
        }

        public Task CompleteAsync(string key, string owner, StoredResponse response, TimeSpan lifetime) =>
            inner.CompleteAsync(key, owner, response, lifetime);

        public Task ReleaseAsync(string key, string owner) => inner.ReleaseAsync(key, owner);
    }
}
