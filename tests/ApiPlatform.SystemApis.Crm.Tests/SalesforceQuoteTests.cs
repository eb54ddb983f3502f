using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceQuoteStubs;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>Quotes created in Salesforce in one Composite call (allOrNone), found again by their external id, and decided there.</summary>
[Collection(CrmCollection.Name)]
public sealed class SalesforceQuoteTests
{
    private const string QuoteId = "0Q0RO000000QtNwYAK";
    private const string Quotes = "/system/crm/v1/quotes";
    private readonly CrmPlatform platform;

    public SalesforceQuoteTests(CrmPlatform platform)
    {
        this.platform = platform;
        Reset(platform.Salesforce);
        platform.Salesforce.Given(Soql($"FROM Account WHERE Id = '{AccountId}'")).RespondWith(Json(200, Query(1, null, Account(AccountId, "Initech"))));
        platform.Salesforce.Given(Soql($"FROM Opportunity WHERE Id = '{OpportunityId}'")).RespondWith(Json(200, Query(1, null, Opportunity)));
        platform.Salesforce.Given(Soql("FROM PricebookEntry")).AtPriority(10).RespondWith(Json(200, PricebookEntries));
    }

    private static IRequestBuilder Composite => Request.Create().WithPath($"{Api}/composite").UsingPost();

    private static IRequestBuilder ByKey => Soql("FROM Quote WHERE ApiPlatform_Key__c = ");

    [Fact]
    public async Task A_quote_and_its_lines_are_one_composite_call_and_a_retried_create_makes_no_second()
    {
        platform.Salesforce.Given(ByKey).InScenario("create").RespondWith(Json(200, Query(0, null)));
        platform.Salesforce.Given(Composite).InScenario("create").WillSetStateTo("created").RespondWith(Json(200, Created(QuoteId)));
        platform.Salesforce.Given(ByKey).InScenario("create").WhenStateIs("created").RespondWith(Json(200, Query(1, null, Quote(QuoteId, "Draft"))));
        platform.Salesforce.Given(Soql($"FROM Quote WHERE Id = '{QuoteId}'")).RespondWith(Json(200, Query(1, null, Quote(QuoteId, "Draft"))));
        using var client = await platform.ClientAsync();
        var key = Guid.NewGuid().ToString("N");

        var first = await (await client.PostJsonAsync(Quotes, QuoteRequest(), key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.PostJsonAsync(Quotes, QuoteRequest(), key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(QuoteId, first.GetProperty("id").GetString());
        Assert.Equal(QuoteId, retry.GetProperty("id").GetString());
        Assert.Equal("Draft", first.GetProperty("status").GetString());
        Assert.Equal(10_000m, first.GetProperty("subtotal").GetProperty("amount").GetDecimal());
        Assert.Equal(450m, first.GetProperty("discount").GetProperty("amount").GetDecimal());
        Assert.Equal(795.52m, first.GetProperty("tax").GetProperty("amount").GetDecimal());
        Assert.Equal(10_345.52m, first.GetProperty("total").GetProperty("amount").GetDecimal());
        var composite = Assert.Single(platform.Salesforce.Requests(), e => e.Path == $"{Api}/composite").Body;
        Assert.Contains("\"allOrNone\":true", composite, StringComparison.Ordinal);
        Assert.Contains("\"QuoteId\":\"@{quote.id}\"", composite, StringComparison.Ordinal);
        Assert.Contains("\"PricebookEntryId\":\"01uRO000001SeatYAC\"", composite, StringComparison.Ordinal);
        Assert.Contains($"\"Pricebook2Id\":\"{PricebookId}\"", composite, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Draft\"", composite, StringComparison.Ordinal);
        Assert.Contains("\"Tax\":795.52", composite, StringComparison.Ordinal);
        Assert.Contains("\"ApiPlatform_Key__c\":\"", composite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_composite_rolled_back_is_502_naming_the_cause_and_nothing_remains()
    {
        platform.Salesforce.Given(ByKey).RespondWith(Json(200, Query(0, null)));
        platform.Salesforce.Given(Composite).RespondWith(Json(200, RolledBack));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostJsonAsync(Quotes, QuoteRequest(), Guid.NewGuid().ToString("N")))
            .AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.StartsWith("salesforce rolled the quote and its lines back (FIELD_INTEGRITY_EXCEPTION", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Method is "DELETE" or "PATCH");
    }

    [Fact]
    public async Task A_quote_kept_without_all_its_lines_is_deleted_and_the_create_is_502()
    {
        platform.Salesforce.Given(ByKey).RespondWith(Json(200, Query(0, null)));
        platform.Salesforce.Given(Composite).RespondWith(Json(200, Created(QuoteId).Replace(
            """{"id":"0QLRO000000LnAbYAK","success":true,"errors":[]}""",
            """{"success":false,"errors":[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [PricebookEntryId]","fields":["PricebookEntryId"]}]}""",
            StringComparison.Ordinal)));
        platform.Salesforce.Given(Request.Create().WithPath($"{Api}/sobjects/Quote/{QuoteId}").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
        using var client = await platform.ClientAsync();

        await (await client.PostJsonAsync(Quotes, QuoteRequest(), Guid.NewGuid().ToString("N")))
            .AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.Single(platform.Salesforce.Requests(), e => e.Method == "DELETE" && e.Path == $"{Api}/sobjects/Quote/{QuoteId}");
    }

    [Theory]
    [InlineData(null, "Opportunity required")]
    [InlineData("006RO00000OpZzZYAZ", "Unknown opportunity")]
    public async Task A_quote_without_a_known_opportunity_is_422_and_nothing_is_written(string? opportunityId, string title)
    {
        platform.Salesforce.Given(ByKey).RespondWith(Json(200, Query(0, null)));
        platform.Salesforce.Given(Soql("FROM Opportunity WHERE Id = '006RO00000OpZzZYAZ'")).RespondWith(Json(200, Query(0, null)));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostJsonAsync(Quotes, QuoteRequest(opportunityId))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Path == $"{Api}/composite");
    }

    [Fact]
    public async Task A_sku_without_a_price_book_entry_is_422()
    {
        platform.Salesforce.Given(ByKey).RespondWith(Json(200, Query(0, null)));
        platform.Salesforce.Given(Soql("FROM PricebookEntry")).AtPriority(1).RespondWith(Json(200, Query(1, null,
            """{"attributes":{"type":"PricebookEntry"},"Id":"01uRO000001SeatYAC","Product2":{"ProductCode":"TPS-SEAT","Name":"TPS seat"}}""")));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostJsonAsync(Quotes, QuoteRequest())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.Contains("TPS-ONBOARD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Path == $"{Api}/composite");
    }

    [Fact]
    public async Task REQUEST_LIMIT_EXCEEDED_on_the_composite_is_503_naming_salesforce()
    {
        platform.Salesforce.Given(ByKey).RespondWith(Json(200, Query(0, null)));
        platform.Salesforce.Given(Composite).RespondWith(Json(403, RequestLimitExceeded));
        using var client = await platform.ClientAsync();

        await (await client.PostJsonAsync(Quotes, QuoteRequest())).AssertUpstreamProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable", "salesforce");
    }

    [Fact]
    public async Task Refused_credentials_are_502_and_no_quote_is_written()
    {
        platform.Salesforce.Given(Request.Create().WithPath($"{Api}/query").UsingGet()).AtPriority(1).RespondWith(Json(401, InvalidSession));
        platform.Salesforce.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost()).AtPriority(1).RespondWith(Json(400, InvalidClient));
        using var client = await platform.ClientAsync();

        await (await client.PostJsonAsync(Quotes, QuoteRequest())).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Path == $"{Api}/composite");
    }

    [Theory]
    [InlineData(10_000.00, "GrandTotal")]
    [InlineData(null, "Subtotal")]
    public async Task A_quote_whose_totals_contradict_its_lines_is_502_and_its_approval_publishes_nothing(double? grandTotal, string field)
    {
        const string id = "0Q0RO000000QtBadYA";
        var body = grandTotal is null
            ? Quote(id, "In Review").Replace("\"Subtotal\":10000.00", "\"Subtotal\":12000.00", StringComparison.Ordinal)
            : Quote(id, "In Review", grandTotal: (decimal)grandTotal);
        platform.Salesforce.Given(Soql($"Id = '{id}'")).RespondWith(Json(200, Query(1, null, body)));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostAsync($"{Quotes}/{id}/approve?tenant={CrmPlatform.SalesforceTenant}", null))
            .AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.Contains($"Quote.{field}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Method == "PATCH");
        Assert.Empty(await CrmOutbox.TypesForAsync(platform, id));
    }

    [Fact]
    public async Task Approval_writes_the_Status_picklist_and_publishes_crm_quote_approved()
    {
        const string id = "0Q0RO000000QtSubYA";
        var read = Soql($"Id = '{id}'");
        platform.Salesforce.Given(read).InScenario("q").WillSetStateTo("read").RespondWith(Json(200, Query(1, null, Quote(id, "In Review"))));
        // A read retried after its attempt timed out (the stub answered late on a busy machine) still sees the quote in review.
        platform.Salesforce.Given(read).InScenario("q").WhenStateIs("read").RespondWith(Json(200, Query(1, null, Quote(id, "In Review"))));
        platform.Salesforce.Given(Request.Create().WithPath($"{Api}/sobjects/Quote/{id}").UsingPatch()).InScenario("q").WhenStateIs("read")
            .WillSetStateTo("approved").RespondWith(Response.Create().WithStatusCode(204));
        platform.Salesforce.Given(read).InScenario("q").WhenStateIs("approved").RespondWith(Json(200, Query(1, null, Quote(id, "Approved"))));
        using var client = await platform.ClientAsync();

        var approved = await (await client.PostAsync($"{Quotes}/{id}/approve?tenant={CrmPlatform.SalesforceTenant}", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(10_345.52m, approved.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Contains("\"Status\":\"Approved\"", Assert.Single(platform.Salesforce.Requests(), e => e.Method == "PATCH").Body, StringComparison.Ordinal);
        Assert.Equal(["crm.quote.approved.v1"], await CrmOutbox.TypesForAsync(platform, id));
    }

    [Fact]
    public async Task Accepting_a_salesforce_quote_is_501_and_writes_nothing()
    {
        const string id = "0Q0RO000000QtAccYA";
        platform.Salesforce.Given(Soql($"Id = '{id}'")).RespondWith(Json(200, Query(1, null, Quote(id, "Approved"))));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostAsync($"{Quotes}/{id}/accept?tenant={CrmPlatform.SalesforceTenant}", null))
            .AssertProblemAsync(HttpStatusCode.NotImplemented, "not-supported");
        var reopened = await (await client.PostAsync($"{Quotes}/{id}/reopen?tenant={CrmPlatform.SalesforceTenant}", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Contains("salesforce", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Approved", reopened.GetProperty("status").GetString());
        Assert.False(reopened.GetProperty("orderOnApproval").GetBoolean());
        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Method is "PATCH" or "POST" && !e.Path.EndsWith("/token", StringComparison.Ordinal));
        Assert.Empty(await CrmOutbox.TypesForAsync(platform, id));
    }
}
