using System.Net;
using System.Text.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.Slo;

/// <summary>
/// SLO compliance per API version from the gateway's own measurements, against the test catalog's objective (99.9 %
/// availability, p99 300 ms), read from the admin API.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class SloComplianceTests(GatewayFixture fixture)
{
    private const string Orders = "/system/erp/v3/orders";
    private const string Slo = "/catalog/apis/erp/v3/slo";

    [Fact]
    public async Task Fast_successful_requests_meet_the_declared_slo()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        await CallAsync(gateway, Orders, 10);

        var compliance = await AdminClient.GetJsonAsync(gateway.Host, AdminClient.Token(fixture.Issuer), Slo);

        Assert.Equal((10, 0), (compliance.GetProperty("requests").GetInt64(), compliance.GetProperty("serverErrors").GetInt64()));
        Assert.Equal((99.9, 100.0, 300), (compliance.GetProperty("declaredAvailability").GetDouble(),
            compliance.GetProperty("measuredAvailability").GetDouble(), compliance.GetProperty("declaredLatencyP99Ms").GetInt32()));
        Assert.True(compliance.GetProperty("measuredLatencyP99Ms").GetInt32() <= 300);
        Assert.True(compliance.GetProperty("compliant").GetBoolean());
    }

    [Fact]
    public async Task A_server_error_and_a_slow_answer_break_availability_and_p99_while_a_client_error_counts_as_served()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        await CallAsync(gateway, Orders, 9);
        await CallAsync(gateway, "/system/erp/v3/orders/status/404", 1);
        await CallAsync(gateway, "/system/erp/v3/orders/status/500", 1);
        await CallAsync(gateway, "/system/erp/v3/orders/delay/450/", 1);

        var compliance = await AdminClient.GetJsonAsync(gateway.Host, AdminClient.Token(fixture.Issuer), Slo);

        Assert.Equal((12, 1), (compliance.GetProperty("requests").GetInt64(), compliance.GetProperty("serverErrors").GetInt64()));
        Assert.Equal(91.6667, compliance.GetProperty("measuredAvailability").GetDouble());
        Assert.Equal(500, compliance.GetProperty("measuredLatencyP99Ms").GetInt32());
        Assert.Equal((false, false, false), (compliance.GetProperty("availabilityMet").GetBoolean(),
            compliance.GetProperty("latencyMet").GetBoolean(), compliance.GetProperty("compliant").GetBoolean()));
    }

    [Fact]
    public async Task Measurements_flushed_to_the_store_still_count_and_a_window_without_requests_has_no_verdict()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?> { ["Gateway:UsageFlushInterval"] = "00:00:01" });
        var admin = AdminClient.Token(fixture.Issuer);
        await CallAsync(gateway, Orders, 3);
        gateway.Host.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(300);
        gateway.Host.Time.Advance(TimeSpan.FromHours(2));

        var lastHours = await AdminClient.GetJsonAsync(gateway.Host, admin, Slo);
        var lastMinutes = await AdminClient.GetJsonAsync(gateway.Host, admin,
            $"{Slo}?from={Uri.EscapeDataString(gateway.Host.Time.GetUtcNow().AddMinutes(-30).ToString("O"))}");

        Assert.Equal(3, lastHours.GetProperty("requests").GetInt64());
        Assert.Equal(0, lastMinutes.GetProperty("requests").GetInt64());
        Assert.Equal(JsonValueKind.Null, lastMinutes.GetProperty("measuredAvailability").ValueKind);
        Assert.Equal(JsonValueKind.Null, lastMinutes.GetProperty("compliant").ValueKind);
    }

    [Fact]
    public async Task Only_a_platform_admin_reads_compliance_of_a_version_the_catalog_has_over_a_valid_window()
    {
        var admin = AdminClient.Token(fixture.Issuer);

        using var anonymous = await fixture.Gateway.GetAsync(Slo);
        using var consumer = await fixture.Gateway.GetAsync(Slo, fixture.Token("erp", "system:erp"));
        using var unknown = await fixture.Gateway.GetAsync("/catalog/apis/erp/v9/slo", admin);
        using var backwards = await fixture.Gateway.GetAsync($"{Slo}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin);
        using var tooLong = await fixture.Gateway.GetAsync($"{Slo}?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", admin);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consumer.StatusCode);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
    }

    private async Task CallAsync(TestGateway gateway, string path, int times)
    {
        var token = fixture.Token("erp", "system:erp");
        for (var i = 0; i < times; i++)
        {
            (await gateway.Host.GetAsync(path, token)).Dispose();
        }
    }
}
