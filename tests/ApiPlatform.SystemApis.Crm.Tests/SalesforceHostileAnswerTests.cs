using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>A Salesforce org that answers badly or hostilely: every such answer is 502 (or 504) problem+json naming it.</summary>
[Collection(CrmCollection.Name)]
public sealed class SalesforceHostileAnswerTests
{
    private const string Accounts = $"/system/crm/v1/accounts?tenant={CrmPlatform.SalesforceTenant}";
    private readonly CrmPlatform platform;

    public SalesforceHostileAnswerTests(CrmPlatform platform)
    {
        this.platform = platform;
        Reset(platform.Salesforce);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not JSON", "<html><body>Maintenance</body></html>" },
        { "a record without an id", Query(1, null, Account("001RO00000AbCdEYAV", "Initech").Replace("\"Id\":\"001RO00000AbCdEYAV\",", "", StringComparison.Ordinal)) },
        { "a currency that is not ISO 4217", Query(1, null, Account("001RO00000AbCdEYAV", "Initech", currency: "Dollars")) },
        { "a name of 300 characters", Query(1, null, Account("001RO00000AbCdEYAV", new string('x', 300))) },
        { "a negative total", Query(-5, null) },
        { "paging that leaves the org", Query(2, "https://attacker.example/steal", Account("001RO00000AbCdEYAV", "Initech")) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_answer_is_502_naming_salesforce(string what, string body)
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, body));
        using var client = await platform.ClientAsync();

        var response = await client.GetAsync($"{Accounts}&limit=2");

        Assert.NotNull(what);
        await response.AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed()
    {
        platform.Salesforce.Given(Soql("FROM Account"))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "http://127.0.0.2:9/services/data/v62.0/query"));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.Contains("another host", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_larger_than_the_limit_is_not_read()
    {
        var huge = Query(1, null, Account("001RO00000AbCdEYAV", "Initech").Replace("\"Software\"", $"\"{new string('x', 300_000)}\"", StringComparison.Ordinal));
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, huge));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.Contains("bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_that_does_not_answer_in_time_is_504_naming_salesforce()
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, Query(0, null)).WithDelay(TimeSpan.FromSeconds(8)));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.GatewayTimeout, "upstream-timeout", "salesforce");
    }

    [Fact]
    public async Task A_server_error_is_502_naming_salesforce()
    {
        platform.Salesforce.Given(Request.Create().WithPath($"{Api}/query").UsingGet()).RespondWith(Json(500, """[{"message":"An unexpected error occurred.","errorCode":"UNKNOWN_EXCEPTION"}]"""));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync(Accounts)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");
    }
}
