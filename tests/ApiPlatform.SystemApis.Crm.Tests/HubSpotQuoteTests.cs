using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.HubSpotStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>
/// Quotes created in HubSpot: line items by batch create, then the quote associated with them, its company and deal;
/// looked up by the unique apiplatform_key first, and on any failure the line items made are archived.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class HubSpotQuoteTests
{
    private const string Quotes = "/system/crm/v1/quotes";
    private const string QuotePath = "/crm/v3/objects/quotes";
    private const string BatchCreate = "/crm/v3/objects/line_items/batch/create";
    private const string BatchArchive = "/crm/v3/objects/line_items/batch/archive";
    private readonly CrmPlatform platform;

    public HubSpotQuoteTests(CrmPlatform platform)
    {
        this.platform = platform;
        platform.HubSpot.Reset();
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/companies/9001").UsingGet()).RespondWith(Json(200, Company("9001", "Umbrella Corporation")));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/deals/4401").UsingGet()).RespondWith(Json(200, HubSpotQuoteStubs.Deal));
        platform.HubSpot.Given(Request.Create().WithPath(BatchArchive).UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        platform.HubSpot.Given(Request.Create().WithPath($"{QuotePath}/7801").UsingGet()).RespondWith(Json(200, HubSpotQuoteStubs.Quote("7801", "DRAFT")));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/read").UsingPost()).AtPriority(10)
            .RespondWith(Json(200, HubSpotQuoteStubs.LineItems));
    }

    private static IRequestBuilder ByKey => SearchOf("quotes").WithBody(BodyWith("apiplatform_key"));

    [Fact]
    public async Task Line_items_then_the_associated_quote_are_created_and_a_retried_create_makes_nothing()
    {
        platform.HubSpot.Given(ByKey).InScenario("create").RespondWith(Json(200, Search(0, null)));
        platform.HubSpot.Given(Request.Create().WithPath(BatchCreate).UsingPost()).RespondWith(Json(201, HubSpotQuoteStubs.LineItemsCreated));
        platform.HubSpot.Given(Request.Create().WithPath(QuotePath).UsingPost()).InScenario("create").WillSetStateTo("created")
            .RespondWith(Json(201, HubSpotQuoteStubs.Quote("7801", "DRAFT")));
        platform.HubSpot.Given(ByKey).InScenario("create").WhenStateIs("created").RespondWith(Json(200, Search(1, null, HubSpotQuoteStubs.Quote("7801", "DRAFT"))));
        using var client = await platform.ClientAsync();
        var key = Guid.NewGuid().ToString("N");

        var first = await (await client.PostJsonAsync(Quotes, HubSpotQuoteStubs.QuoteRequest(), key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.PostJsonAsync(Quotes, HubSpotQuoteStubs.QuoteRequest(), key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("7801", first.GetProperty("id").GetString());
        Assert.Equal("7801", retry.GetProperty("id").GetString());
        Assert.Equal("Draft", first.GetProperty("status").GetString());
        Assert.Equal(25_500m, first.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(["UMB-ANALYZER", "UMB-TRAINING"], first.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
        var quote = Assert.Single(platform.HubSpot.Requests(), e => e.Path == QuotePath && e.Method == "POST").Body;
        Assert.Single(platform.HubSpot.Requests(), e => e.Path == BatchCreate);
        Assert.Contains("\"hs_status\":\"DRAFT\"", quote, StringComparison.Ordinal);
        Assert.Contains("\"hs_currency\":\"EUR\"", quote, StringComparison.Ordinal);
        Assert.Contains("\"apiplatform_key\":\"", quote, StringComparison.Ordinal);
        Assert.Contains("{\"to\":{\"id\":\"8801\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":67}]}", quote, StringComparison.Ordinal);
        Assert.Contains("{\"to\":{\"id\":\"4401\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":64}]}", quote, StringComparison.Ordinal);
        Assert.DoesNotContain(platform.HubSpot.Requests(), e => e.Path == BatchArchive);
    }

    [Fact]
    public async Task A_line_item_that_fails_archives_those_made_and_no_quote_is_created()
    {
        platform.HubSpot.Given(ByKey).RespondWith(Json(200, Search(0, null)));
        platform.HubSpot.Given(Request.Create().WithPath(BatchCreate).UsingPost()).RespondWith(Json(207, HubSpotQuoteStubs.LineItemsPartlyCreated));
        using var client = await platform.ClientAsync();

        await (await client.PostJsonAsync(Quotes, HubSpotQuoteStubs.QuoteRequest(), Guid.NewGuid().ToString("N")))
            .AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "hubspot");

        Assert.DoesNotContain(platform.HubSpot.Requests(), e => e.Path == QuotePath && e.Method == "POST");
        Assert.Contains("\"id\":\"8801\"", Assert.Single(platform.HubSpot.Requests(), e => e.Path == BatchArchive).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throttled_quote_create_is_503_with_Retry_After_and_its_line_items_are_archived()
    {
        platform.HubSpot.Given(ByKey).RespondWith(Json(200, Search(0, null)));
        platform.HubSpot.Given(Request.Create().WithPath(BatchCreate).UsingPost()).RespondWith(Json(201, HubSpotQuoteStubs.LineItemsCreated));
        platform.HubSpot.Given(Request.Create().WithPath(QuotePath).UsingPost()).RespondWith(Json(429, RateLimited).WithHeader("Retry-After", "60"));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostJsonAsync(Quotes, HubSpotQuoteStubs.QuoteRequest(), Guid.NewGuid().ToString("N")))
            .AssertUpstreamProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable", "hubspot");

        Assert.Equal(60, problem.GetProperty("retryAfterSeconds").GetInt32());
        var archived = Assert.Single(platform.HubSpot.Requests(), e => e.Path == BatchArchive).Body;
        Assert.Contains("\"id\":\"8801\"", archived, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"8802\"", archived, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_are_502_naming_hubspot_and_nothing_is_created()
    {
        platform.HubSpot.Given(ByKey).RespondWith(Json(401, Unauthenticated));
        using var client = await platform.ClientAsync();

        await (await client.PostJsonAsync(Quotes, HubSpotQuoteStubs.QuoteRequest())).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "hubspot");

        Assert.DoesNotContain(platform.HubSpot.Requests(), e => e.Path == BatchCreate);
    }

    [Fact]
    public async Task A_line_item_whose_amount_contradicts_its_price_is_502_naming_hubspot()
    {
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/read").UsingPost()).AtPriority(1)
            .RespondWith(Json(200, HubSpotQuoteStubs.LineItems.Replace("\"amount\":\"22500.00\"", "\"amount\":\"25000.00\"", StringComparison.Ordinal)));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync($"{Quotes}/7801?tenant={CrmPlatform.HubSpotTenant}"))
            .AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "hubspot");

        Assert.Contains("line item 'amount'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_with_tax_is_422_for_hubspot()
    {
        platform.HubSpot.Given(ByKey).RespondWith(Json(200, Search(0, null)));
        using var client = await platform.ClientAsync();

        await (await client.PostJsonAsync(Quotes, HubSpotQuoteStubs.QuoteRequest(taxRate: 0.19m))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.DoesNotContain(platform.HubSpot.Requests(), e => e.Path == BatchCreate);
    }
}
