using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>crm for a tenant served by Salesforce, through the gateway, against WireMock answering as Salesforce documents.</summary>
[Collection(CrmCollection.Name)]
public sealed class SalesforceConnectorTests
{
    private const string Accounts = $"/system/crm/v1/accounts?tenant={CrmPlatform.SalesforceTenant}";
    private readonly CrmPlatform platform;

    public SalesforceConnectorTests(CrmPlatform platform)
    {
        this.platform = platform;
        Reset(platform.Salesforce);
    }

    [Fact]
    public async Task Accounts_are_read_across_nextRecordsUrl_batches_in_the_canonical_shape()
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, Query(3, $"{Api}/query/01gRO0000016PIAYA2-2",
            Account("001RO00000AbCdEYAV", "Initech Holdings"), Account("001RO00000AbCdFYAV", "Initech Software", "001RO00000AbCdEYAV"))));
        platform.Salesforce.Given(Request.Create().WithPath($"{Api}/query/01gRO0000016PIAYA2-2").UsingGet())
            .RespondWith(Json(200, Query(3, null, Account("001RO00000AbCdGYAV", "Initech Services", "001RO00000AbCdEYAV", "CA", "CAD"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync($"{Accounts}&limit=3")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Initech Holdings", "Initech Software", "Initech Services"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.All(items, i => Assert.Equal("salesforce", i.GetProperty("source").GetProperty("system").GetString()));
        Assert.All(items, i => Assert.Equal(CrmPlatform.SalesforceTenant, i.GetProperty("tenant").GetString()));
        Assert.Equal("001RO00000AbCdEYAV", items[2].GetProperty("parentAccountId").GetString());
        Assert.Equal("CAD", items[2].GetProperty("currency").GetString());
        Assert.Equal("2026-11-02T09:15:00+00:00", items[0].GetProperty("updatedAt").GetString());
        Assert.All(platform.Salesforce.Requests().Where(e => e.Path.StartsWith(Api, StringComparison.Ordinal)),
            e => Assert.Equal("Bearer 00D5g000004XyZ!AQ8AQH.initech-test-token", e.Authorization));
    }

    [Fact]
    public async Task A_second_page_starts_where_the_first_ended()
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, Query(2, null,
            Account("001RO00000AbCdEYAV", "Initech Holdings"), Account("001RO00000AbCdFYAV", "Initech Software"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync($"{Accounts}&offset=1&limit=1")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Initech Software", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task A_throttled_read_is_retried_after_the_Retry_After_the_org_asks_for()
    {
        platform.Salesforce.Given(Soql("FROM Account")).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        platform.Salesforce.Given(Soql("FROM Account")).InScenario("throttle").WhenStateIs("open")
            .RespondWith(Json(200, Query(1, null, Account("001RO00000AbCdEYAV", "Initech Holdings"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync(Accounts)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(2, platform.Salesforce.Requests().Count(e => e.Path == $"{Api}/query"));
    }

    [Fact]
    public async Task REQUEST_LIMIT_EXCEEDED_is_503_naming_salesforce()
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(403, RequestLimitExceeded));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable", "salesforce");

        Assert.Contains("REQUEST_LIMIT_EXCEEDED", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_session_is_renewed_once_and_refused_credentials_are_502_naming_salesforce()
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(401, InvalidSession));
        platform.Salesforce.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost()).AtPriority(1).RespondWith(Json(400, InvalidClient));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.Contains("credentials", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
