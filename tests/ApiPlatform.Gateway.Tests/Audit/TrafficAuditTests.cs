using System.Net;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Audit;

[Collection(GatewayCollection.Name)]
public sealed class TrafficAuditTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_proxied_request_writes_one_structured_audit_record_without_the_token()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var token = fixture.Issuer.CreateToken("partner-portal", "experience:partner-portal", clientId: "partner-test", tenant: "acme");

        using var response = await gateway.Host.GetAsync("/experience/partner-portal/v2/orders?secret=s3cr3t", token,
            headers => headers.Add("X-Correlation-Id", "audit-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(gateway.Host.Logs.Category(TrafficAuditLog.Category));
        Assert.Equal("partner-test", record.Fields["ClientId"]);
        Assert.Equal("acme", record.Fields["Tenant"]);
        Assert.Equal("partner-portal", record.Fields["Api"]);
        Assert.Equal("v2", record.Fields["Version"]);
        Assert.Equal("/experience/partner-portal/v2/orders", record.Fields["Route"]);
        Assert.Equal("GET", record.Fields["Method"]);
        Assert.Equal(200, record.Fields["Status"]);
        Assert.Equal("audit-1", record.Fields["CorrelationId"]);
        Assert.IsType<double>(record.Fields["DurationMs"]);
        Assert.IsType<DateTimeOffset>(record.Fields["Time"]);
        var text = string.Join(" ", record.Fields.Values) + record.Message;
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_requests_are_audited_with_their_status()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);

        using var unauthenticated = await gateway.Host.GetAsync("/system/erp/v3/orders");
        using var retired = await gateway.Host.GetAsync("/system/erp/v1/orders", fixture.Token("erp", "system:erp"));

        var records = gateway.Host.Logs.Category(TrafficAuditLog.Category).ToList();
        Assert.Equal([401, 410], records.Select(r => r.Fields["Status"]));
        Assert.Null(records[0].Fields["ClientId"]);
    }

    [Fact]
    public async Task Requests_outside_api_routes_are_not_audited()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);

        using var health = await gateway.Host.GetAsync("/health/live");
        using var catalog = await gateway.Host.GetAsync("/catalog/apis");

        Assert.Empty(gateway.Host.Logs.Category(TrafficAuditLog.Category));
    }
}
