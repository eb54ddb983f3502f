using System.Globalization;
using System.Net;
using System.Text.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.Slo;

/// <summary>
/// Each consumer's requests, server errors and p99 of an API version over time, from the gateway's own measurements,
/// read from the admin API (the test catalog's erp v3: 99.9 % availability, p99 300 ms).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ConsumerTrafficTests(GatewayFixture fixture)
{
    private const string Orders = "/system/erp/v3/orders";
    private const string Traffic = "/catalog/apis/erp/v3/consumers/traffic";

    [Fact]
    public async Task Each_consumer_has_its_own_series_of_requests_errors_and_p99_in_steps_against_the_objective()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var hour = StartOfNextHour(gateway);
        await CallAsync(gateway, "partner-a", Orders, 2);
        await CallAsync(gateway, "partner-a", "/system/erp/v3/orders/status/500", 1);
        gateway.Host.Time.Advance(TimeSpan.FromMinutes(6));
        await CallAsync(gateway, "partner-b", Orders, 1);
        await CallAsync(gateway, "partner-b", "/system/erp/v3/orders/delay/450/", 1);
        gateway.Host.Time.Advance(TimeSpan.FromMinutes(4));

        var traffic = await AdminClient.GetJsonAsync(gateway.Host, AdminClient.Token(fixture.Issuer),
            $"{Traffic}?from={At(hour)}&to={At(hour.AddMinutes(14))}&stepMinutes=5");

        Assert.Equal((5, 99.9, 300, 100), (traffic.GetProperty("stepMinutes").GetInt32(), traffic.GetProperty("declaredAvailability").GetDouble(),
            traffic.GetProperty("declaredLatencyP99Ms").GetInt32(), traffic.GetProperty("consumerLimit").GetInt32()));
        var consumers = traffic.GetProperty("consumers").EnumerateArray().ToList();
        Assert.Equal(["partner-a", "partner-b"], consumers.Select(c => c.GetProperty("clientId").GetString()));
        var (a, b) = (consumers[0], consumers[1]);
        Assert.Equal((3, 1, 66.6667), (a.GetProperty("requests").GetInt64(), a.GetProperty("serverErrors").GetInt64(),
            a.GetProperty("measuredAvailability").GetDouble()));
        Assert.Equal((2, 0, 500), (b.GetProperty("requests").GetInt64(), b.GetProperty("serverErrors").GetInt64(),
            b.GetProperty("measuredLatencyP99Ms").GetInt32()));
        Assert.Equal([3, 0, 0], Points(a, "requests"));
        Assert.Equal([1, 0, 0], Points(a, "serverErrors"));
        Assert.Equal([0, 2, 0], Points(b, "requests"));
        Assert.Equal(JsonValueKind.Null, b.GetProperty("points")[0].GetProperty("measuredLatencyP99Ms").ValueKind);
        Assert.Equal(500, b.GetProperty("points")[1].GetProperty("measuredLatencyP99Ms").GetInt32());
        Assert.Equal([hour, hour.AddMinutes(5), hour.AddMinutes(10)],
            a.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("from").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Consumers_beyond_the_limit_are_counted_together_as_other()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?> { ["Gateway:ConsumerTrafficLimit"] = "2" });
        await CallAsync(gateway, "partner-a", Orders, 3);
        await CallAsync(gateway, "partner-b", Orders, 2);
        await CallAsync(gateway, "partner-c", Orders, 1);
        await CallAsync(gateway, "partner-d", Orders, 1);
        await CallAsync(gateway, "partner-b", Orders, 1);

        var traffic = await AdminClient.GetJsonAsync(gateway.Host, AdminClient.Token(fixture.Issuer), Traffic);

        Assert.Equal(2, traffic.GetProperty("consumerLimit").GetInt32());
        Assert.Equal([("partner-a", 3L), ("partner-b", 3L), ("(other)", 2L)], traffic.GetProperty("consumers").EnumerateArray()
            .Select(c => (c.GetProperty("clientId").GetString(), c.GetProperty("requests").GetInt64())));
    }

    [Fact]
    public async Task Measurements_flushed_to_the_store_count_once_and_a_window_without_them_has_no_consumer()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?> { ["Gateway:UsageFlushInterval"] = "00:00:01" });
        var admin = AdminClient.Token(fixture.Issuer);
        await CallAsync(gateway, "partner-a", Orders, 3);
        gateway.Host.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(300);
        gateway.Host.Time.Advance(TimeSpan.FromMinutes(30));

        var lastHour = await AdminClient.GetJsonAsync(gateway.Host, admin, Traffic);
        var lastMinutes = await AdminClient.GetJsonAsync(gateway.Host, admin, $"{Traffic}?from={At(gateway.Host.Time.GetUtcNow().AddMinutes(-10))}");

        var consumer = Assert.Single(lastHour.GetProperty("consumers").EnumerateArray());
        Assert.Equal(3, consumer.GetProperty("requests").GetInt64());
        // The default step cuts the default window (the last hour, the minute of 'to' included) into about 12 points.
        Assert.Equal(6, lastHour.GetProperty("stepMinutes").GetInt32());
        Assert.Equal(3, Points(consumer, "requests").Sum());
        Assert.Empty(lastMinutes.GetProperty("consumers").EnumerateArray());
    }

    [Fact]
    public async Task Only_a_platform_admin_reads_the_series_of_a_version_the_catalog_has_over_a_valid_window_and_step()
    {
        var admin = AdminClient.Token(fixture.Issuer);

        using var anonymous = await fixture.Gateway.GetAsync(Traffic);
        using var consumer = await fixture.Gateway.GetAsync(Traffic, fixture.Token("erp", "system:erp"));
        using var unknown = await fixture.Gateway.GetAsync("/catalog/apis/erp/v9/consumers/traffic", admin);
        using var backwards = await fixture.Gateway.GetAsync($"{Traffic}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin);
        using var tooLong = await fixture.Gateway.GetAsync($"{Traffic}?from=2026-01-01T00:00:00Z&to=2026-01-02T00:01:00Z", admin);
        using var noStep = await fixture.Gateway.GetAsync($"{Traffic}?stepMinutes=0", admin);
        using var tooManyPoints = await fixture.Gateway.GetAsync($"{Traffic}?from=2026-01-01T00:00:00Z&to=2026-01-01T12:00:00Z&stepMinutes=1", admin);
        using var notANumber = await fixture.Gateway.GetAsync($"{Traffic}?stepMinutes=five", admin);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consumer.StatusCode);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        await noStep.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        await tooManyPoints.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal("application/problem+json", notANumber.Content.Headers.ContentType?.MediaType);
    }

    private static DateTimeOffset StartOfNextHour(TestGateway gateway)
    {
        var now = gateway.Host.Time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        gateway.Host.Time.Advance(hour - now + TimeSpan.FromSeconds(10));
        return hour;
    }

    private static string At(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    private static long[] Points(JsonElement consumer, string field) =>
        [.. consumer.GetProperty("points").EnumerateArray().Select(p => p.GetProperty(field).GetInt64())];

    private async Task CallAsync(TestGateway gateway, string clientId, string path, int times)
    {
        var token = fixture.Issuer.CreateToken("erp", "system:erp", clientId: clientId);
        for (var i = 0; i < times; i++)
        {
            (await gateway.Host.GetAsync(path, token)).Dispose();
        }
    }
}
