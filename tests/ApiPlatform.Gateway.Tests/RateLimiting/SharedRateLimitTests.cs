using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.RateLimiting;

[Collection(RedisCollection.Name)]
public sealed class SharedRateLimitTests(GatewayFixture fixture)
{
    private const int PlanRequests = 20;
    private const int Replicas = 2;
    // docs/gateway.md: overshoot ≤ 2 × replicas × batch, and batch = max(1, capacity / (replicas × 20)) = 1 here.
    private const int Bound = 2 * Replicas * 1;

    [SkippableFact]
    public async Task Two_gateways_sharing_one_redis_admit_no_more_than_the_plan_plus_the_documented_bound()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = await StartAsync(redis, PlanRequests);
        await using var second = await StartAsync(redis, PlanRequests);
        var token = fixture.Issuer.CreateToken("erp", "system:erp", clientId: "shared-client", plan: "test");

        // A replica alone may spend the whole shared plan: more than its local share (plan ÷ replicas).
        var byFirst = await AdmittedAsync(first.Host, token, 15, parallel: 3);
        var total = byFirst.Admitted + (await AdmittedAsync(second.Host, token, 30, parallel: 3)).Admitted
            + (await AdmittedAsync(first.Host, token, 30, parallel: 3)).Admitted;

        Assert.Equal(15, byFirst.Admitted);
        Assert.InRange(total, PlanRequests - Bound, PlanRequests + Bound);
    }

    [SkippableFact]
    public async Task Without_redis_each_replica_enforces_its_share_without_5xx_reports_degraded_and_shares_again_once_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var gateway = await StartAsync(redis, 10);
        var token = fixture.Issuer.CreateToken("erp", "system:erp", clientId: "outage-client", plan: "test");
        var shared = await AdmittedAsync(gateway.Host, token, 1, parallel: 1);

        await redis.StopAsync();
        var stopwatch = Stopwatch.StartNew();
        var local = await AdmittedAsync(gateway.Host, token, 12, parallel: 1);
        stopwatch.Stop();
        var degraded = await ReadinessAsync(gateway.Host);

        Assert.Equal(1, shared.Admitted);
        Assert.Empty(local.ServerErrors);
        // The local share is 10 ÷ 2 replicas; one token leased before the outage may still be spent.
        Assert.InRange(local.Admitted, 5, 6);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"12 requests took {stopwatch.Elapsed} without Redis");
        Assert.Equal("Degraded", degraded.GetProperty("checks").GetProperty("rate-limits").GetProperty("status").GetString());
        Assert.Equal(1, DegradedGauge(gateway.Host));
        Assert.Contains(gateway.Host.Logs.Records, r => r.EventId == 5101);

        await redis.StartAgainAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (gateway.Host.Services.GetRequiredService<SharedLimitState>().IsDegraded && DateTime.UtcNow < deadline)
        {
            gateway.Host.Time.Advance(TimeSpan.FromSeconds(5));
            (await gateway.Host.GetAsync("/system/erp/v3/orders", token)).Dispose();
            await Task.Delay(200);
        }
        var recovered = await ReadinessAsync(gateway.Host);
        Assert.Equal("Healthy", recovered.GetProperty("checks").GetProperty("rate-limits").GetProperty("status").GetString());
        Assert.Equal(0, DegradedGauge(gateway.Host));
    }

    private Task<TestGateway> StartAsync(RedisServer redis, int requests) => TestGateway.StartAsync(fixture, new Dictionary<string, string?>
    {
        ["ConnectionStrings:redis"] = redis.ConnectionString,
        ["Gateway:ReplicaCount"] = Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:Plans:test:Requests"] = requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:Plans:test:WindowSeconds"] = "3600",
    });

    private static async Task<(int Admitted, List<HttpStatusCode> ServerErrors)> AdmittedAsync(GatewayHost gateway, string token, int count, int parallel)
    {
        var statuses = new List<HttpStatusCode>();
        for (var sent = 0; sent < count; sent += parallel)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, count - sent)).Select(async _ =>
            {
                using var response = await gateway.GetAsync("/system/erp/v3/orders", token);
                return response.StatusCode;
            }));
            statuses.AddRange(batch);
        }
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        return (statuses.Count(s => s == HttpStatusCode.OK), [.. statuses.Where(s => (int)s >= 500)]);
    }

    private static async Task<JsonElement> ReadinessAsync(GatewayHost gateway)
    {
        using var response = await gateway.GetAsync("/health/ready");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int DegradedGauge(GatewayHost gateway)
    {
        var meters = gateway.Services.GetRequiredService<IMeterFactory>();
        int? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == SharedLimitState.MetricName && instrument.Meter.Scope == meters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? -1;
    }
}
