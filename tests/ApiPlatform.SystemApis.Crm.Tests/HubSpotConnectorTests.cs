using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.HubSpotStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>crm for a tenant served by HubSpot, through the gateway, against WireMock answering as HubSpot CRM v3 documents.</summary>
[Collection(CrmCollection.Name)]
public sealed class HubSpotConnectorTests
{
    private const string Accounts = $"/system/crm/v1/accounts?tenant={CrmPlatform.HubSpotTenant}";
    private readonly CrmPlatform platform;

    public HubSpotConnectorTests(CrmPlatform platform)
    {
        this.platform = platform;
        platform.HubSpot.Reset();
    }

    [Fact]
    public async Task Companies_are_paged_with_the_after_cursor()
    {
        platform.HubSpot.Given(SearchOf("companies").WithBody(BodyWith("\"after\":\"100\""))).AtPriority(1)
            .RespondWith(Json(200, Search(3, null, Company("9003", "Umbrella Pharma", "GB", "9001"))));
        platform.HubSpot.Given(SearchOf("companies")).AtPriority(5)
            .RespondWith(Json(200, Search(3, "100", Company("9001", "Umbrella Corporation"), Company("9002", "Umbrella Labs", parentId: "9001"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync($"{Accounts}&limit=3")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["9001", "9002", "9003"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("GB", items[2].GetProperty("country").GetString());
        Assert.Equal("9001", items[2].GetProperty("parentAccountId").GetString());
        Assert.All(items, i => Assert.Equal("hubspot", i.GetProperty("source").GetProperty("system").GetString()));
        Assert.Equal(2, platform.HubSpot.Requests().Count);
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After()
    {
        platform.HubSpot.Given(SearchOf("companies")).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(Json(429, RateLimited).WithHeader("Retry-After", "1"));
        platform.HubSpot.Given(SearchOf("companies")).InScenario("throttle").WhenStateIs("open")
            .RespondWith(Json(200, Search(1, null, Company("9001", "Umbrella Corporation"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync(Accounts)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(2, platform.HubSpot.Requests().Count);
    }

    [Fact]
    public async Task Throttling_longer_than_a_caller_should_wait_is_503_with_the_vendors_Retry_After()
    {
        platform.HubSpot.Given(SearchOf("companies")).RespondWith(Json(429, RateLimited).WithHeader("Retry-After", "60"));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable", "hubspot");

        Assert.Equal(60, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Single(platform.HubSpot.Requests());
    }

    [Fact]
    public async Task Refused_credentials_are_502_naming_hubspot()
    {
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/companies/search").UsingPost()).RespondWith(Json(401, Unauthenticated));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "hubspot");
    }

    [Theory]
    [InlineData("""{"total":1,"results":[{"id":"not-an-id","properties":{"name":"x","country":"US"}}]}""")]
    [InlineData("""{"total":1,"results":[{"id":"9001","properties":{"name":"Umbrella","country":"United States of Umbrella"}}]}""")]
    [InlineData("""{"total":2,"results":[],"paging":{"next":{"after":"0"}}}""")]
    [InlineData("""{"total":1,"results":{"id":"9001"}}""")]
    public async Task A_malformed_answer_is_502_naming_hubspot(string body)
    {
        platform.HubSpot.Given(SearchOf("companies")).RespondWith(Json(200, body));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync($"{Accounts}&limit=2")).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "hubspot");
    }

    [Fact]
    public async Task A_retried_create_looks_the_creation_key_up_first_and_makes_one_company()
    {
        platform.HubSpot.Given(SearchOf("companies").WithBody(BodyWith("apiplatform_key"))).InScenario("create").WhenStateIs("created")
            .RespondWith(Json(200, Search(1, null, Company("9100", "Umbrella Clinics", "FR"))));
        platform.HubSpot.Given(SearchOf("companies").WithBody(BodyWith("apiplatform_key"))).AtPriority(5)
            .RespondWith(Json(200, Search(0, null)));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/companies").UsingPost()).InScenario("create").WillSetStateTo("created")
            .RespondWith(Json(201, Company("9100", "Umbrella Clinics", "FR")));
        using var client = await platform.ClientAsync();
        var body = new { tenant = CrmPlatform.HubSpotTenant, name = "Umbrella Clinics", country = "FR", currency = "EUR" };
        var key = Guid.NewGuid().ToString("N");

        var first = await (await client.PostJsonAsync("/system/crm/v1/accounts", body, key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.PostJsonAsync("/system/crm/v1/accounts", body, key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("9100", first.GetProperty("id").GetString());
        Assert.Equal("9100", retry.GetProperty("id").GetString());
        Assert.Single(platform.HubSpot.Requests(), e => e.Path == "/crm/v3/objects/companies" && e.Method == "POST");
    }

    [Fact]
    public async Task A_deal_reads_as_an_opportunity_with_its_company()
    {
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/deals/4401").UsingGet()).RespondWith(Json(200, """
            {"id":"4401","properties":{"dealname":"Umbrella T-Virus study","dealstage":"contractsent","amount":"125000.50","deal_currency_code":"EUR",
              "closedate":"2026-12-15T00:00:00Z","hs_deal_stage_probability":"0.9"},"createdAt":"2026-10-01T08:00:00Z","updatedAt":"2026-11-01T08:00:00Z",
             "archived":false,"associations":{"companies":{"results":[{"id":"9001","type":"deal_to_company"}]}}}
            """));
        using var client = await platform.ClientAsync();

        var deal = await (await client.GetAsync($"/system/crm/v1/opportunities/4401?tenant={CrmPlatform.HubSpotTenant}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Negotiation", deal.GetProperty("stage").GetString());
        Assert.Equal("9001", deal.GetProperty("accountId").GetString());
        Assert.Equal(125_000.50m, deal.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal(90, deal.GetProperty("probability").GetInt32());
        Assert.Equal("2026-12-15", deal.GetProperty("closeDate").GetString());
    }
}
