using System.Net;
using ApiPlatform.SystemApis.Erp.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Erp.Tests.Infrastructure.SapStubs;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>An SAP system that answers badly: each answer is a problem naming sap, and nothing of it is kept.</summary>
[Collection(ErpCollection.Name)]
public sealed class SapHostileAnswerTests
{
    private const string Orders = $"/system/erp/v1/sales-orders?tenant={ErpPlatform.SapTenant}";
    private readonly ErpPlatform platform;

    public SapHostileAnswerTests(ErpPlatform platform)
    {
        this.platform = platform;
        platform.Sap.Reset();
    }

    public static TheoryData<string> Malformed => new()
    {
        """{"value":[]}""",
        """{"d":{"results":[]}}""",
        List(1, SalesOrder("4711", "ref", total: "999.00")),
        List(1, SalesOrder("4711", "ref").Replace("/Date(1764201600000)/", "2026-11-27", StringComparison.Ordinal)),
        List(1, SalesOrder("47'11", "ref")),
        List(1, SalesOrder("4711", "ref", status: "Z")),
        "{\"d\":",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_answer_is_502_naming_sap(string body)
    {
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Json(200, body));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync(Orders)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "sap");
        Assert.Equal(0, platform.EmbeddedRecordsOf(ErpPlatform.SapTenant));
    }

    [Fact]
    public async Task Refused_credentials_are_502_naming_sap()
    {
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Basic realm=\"SAP NetWeaver Application Server\""));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync(Orders)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "sap");
    }

    [Fact]
    public async Task A_throttled_read_is_retried_after_Retry_After()
    {
        platform.Sap.Given(Get(SalesOrders)).InScenario("throttle").WillSetStateTo("open").RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        platform.Sap.Given(Get(SalesOrders)).InScenario("throttle").WhenStateIs("open").RespondWith(Json(200, List(1, SalesOrder("4711", "ref"))));
        platform.Sap.Given(Get(BusinessPartners)).RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync(Orders)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("4711", page.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(2, platform.Sap.LogEntries.Count(e => e.RequestMessage?.Path == SalesOrders));
    }

    [Fact]
    public async Task An_unavailable_system_is_503_naming_sap()
    {
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "120"));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync(Orders)).AssertUpstreamProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable", "sap");
    }
}
