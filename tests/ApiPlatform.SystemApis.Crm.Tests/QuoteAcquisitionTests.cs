using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>Quotes of a HubSpot tenant read with their line items, in the shape of the embedded CRM's, and decided there.</summary>
[Collection(CrmCollection.Name)]
public sealed class QuoteAcquisitionTests
{
    private const string QuotePath = "/crm/v3/objects/quotes/7701";
    private readonly CrmPlatform platform;

    public QuoteAcquisitionTests(CrmPlatform platform)
    {
        this.platform = platform;
        platform.HubSpot.Reset();
    }

    [Fact]
    public async Task A_HubSpot_quote_is_read_with_its_line_items_in_the_canonical_shape_and_approved_there()
    {
        platform.HubSpot.Given(Request.Create().WithPath(QuotePath).UsingGet()).AtPriority(10).RespondWith(HubSpotStubs.Json(200, Quote("PENDING_APPROVAL")));
        platform.HubSpot.Given(Request.Create().WithPath(QuotePath).UsingPatch()).InScenario("quote").WillSetStateTo("approved")
            .RespondWith(HubSpotStubs.Json(200, Quote("APPROVED")));
        platform.HubSpot.Given(Request.Create().WithPath(QuotePath).UsingGet()).AtPriority(1).InScenario("quote").WhenStateIs("approved")
            .RespondWith(HubSpotStubs.Json(200, Quote("APPROVED")));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/read").UsingPost()).RespondWith(HubSpotStubs.Json(200, """
            {"status":"COMPLETE","results":[
              {"id":"8801","properties":{"hs_sku":"UMB-ANALYZER","name":"Virus analyzer","quantity":"2","price":"12500.00","hs_discount_percentage":"10"},"archived":false},
              {"id":"8802","properties":{"hs_sku":"UMB-TRAINING","name":"Lab training","quantity":"1","price":"3000.00"},"archived":false}],
             "startedAt":"2026-11-27T09:00:00Z","completedAt":"2026-11-27T09:00:01Z"}
            """));
        using var client = await platform.ClientAsync();

        var quote = await (await client.GetAsync($"/system/crm/v1/quotes/7701?tenant={CrmPlatform.HubSpotTenant}")).AssertJsonAsync(HttpStatusCode.OK);
        var approved = await (await client.PostAsync($"/system/crm/v1/quotes/7701/approve?tenant={CrmPlatform.HubSpotTenant}", null)).AssertJsonAsync(HttpStatusCode.OK);
        var embedded = await (await client.GetAsync("/system/crm/v1/quotes/q-acme-1001")).AssertJsonAsync(HttpStatusCode.OK);

        // 2 x 12500 = 25000 less 10 % = 22500; + 3000 = 25500 net.
        Assert.Equal("Submitted", quote.GetProperty("status").GetString());
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(25_500m, quote.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(2_500m, quote.GetProperty("discount").GetProperty("amount").GetDecimal());
        Assert.Equal("9001", quote.GetProperty("accountId").GetString());
        Assert.Equal("4401", quote.GetProperty("opportunityId").GetString());
        Assert.Equal(["UMB-ANALYZER", "UMB-TRAINING"], quote.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
        Assert.Equal(Names(embedded), Names(quote));
        Assert.Contains("\"hs_status\":\"APPROVED\"", platform.HubSpot.Requests().Single(r => r.Method == "PATCH").Body, StringComparison.Ordinal);
        Assert.Equal(["crm.quote.approved.v1"], await CrmOutbox.TypesForAsync(platform, "7701"));
    }

    [Fact]
    public async Task A_quote_created_through_a_Salesforce_tenant_and_a_HubSpot_tenant_answers_in_the_embedded_shape()
    {
        SalesforceStubs.Reset(platform.Salesforce);
        const string sfQuote = "0Q0RO000000QtAqYAK";
        platform.Salesforce.Given(SalesforceStubs.Soql("FROM Account WHERE Id")).RespondWith(SalesforceStubs.Json(200,
            SalesforceStubs.Query(1, null, SalesforceStubs.Account(SalesforceQuoteStubs.AccountId, "Initech"))));
        platform.Salesforce.Given(SalesforceStubs.Soql("FROM Opportunity")).RespondWith(SalesforceStubs.Json(200, SalesforceStubs.Query(1, null, SalesforceQuoteStubs.Opportunity)));
        platform.Salesforce.Given(SalesforceStubs.Soql("FROM PricebookEntry")).RespondWith(SalesforceStubs.Json(200, SalesforceQuoteStubs.PricebookEntries));
        platform.Salesforce.Given(SalesforceStubs.Soql("FROM Quote WHERE ApiPlatform_Key__c")).RespondWith(SalesforceStubs.Json(200, SalesforceStubs.Query(0, null)));
        platform.Salesforce.Given(Request.Create().WithPath($"{SalesforceStubs.Api}/composite").UsingPost()).RespondWith(SalesforceStubs.Json(200, SalesforceQuoteStubs.Created(sfQuote)));
        platform.Salesforce.Given(SalesforceStubs.Soql($"Id = '{sfQuote}'")).RespondWith(SalesforceStubs.Json(200,
            SalesforceStubs.Query(1, null, SalesforceQuoteStubs.Quote(sfQuote, "Draft"))));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/companies/9001").UsingGet()).RespondWith(HubSpotStubs.Json(200, HubSpotStubs.Company("9001", "Umbrella")));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/deals/4401").UsingGet()).RespondWith(HubSpotStubs.Json(200, HubSpotQuoteStubs.Deal));
        platform.HubSpot.Given(HubSpotStubs.SearchOf("quotes")).RespondWith(HubSpotStubs.Json(200, HubSpotStubs.Search(0, null)));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/create").UsingPost()).RespondWith(HubSpotStubs.Json(201, HubSpotQuoteStubs.LineItemsCreated));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/quotes").UsingPost()).RespondWith(HubSpotStubs.Json(201, HubSpotQuoteStubs.Quote("7801", "DRAFT")));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/quotes/7801").UsingGet()).RespondWith(HubSpotStubs.Json(200, HubSpotQuoteStubs.Quote("7801", "DRAFT")));
        platform.HubSpot.Given(Request.Create().WithPath("/crm/v3/objects/line_items/batch/read").UsingPost()).RespondWith(HubSpotStubs.Json(200, HubSpotQuoteStubs.LineItems));
        using var client = await platform.ClientAsync();

        var salesforce = await (await client.PostJsonAsync("/system/crm/v1/quotes", SalesforceQuoteStubs.QuoteRequest(taxRate: 0m))).AssertJsonAsync(HttpStatusCode.Created);
        var hubspot = await (await client.PostJsonAsync("/system/crm/v1/quotes", HubSpotQuoteStubs.QuoteRequest())).AssertJsonAsync(HttpStatusCode.Created);
        var embedded = await (await client.PostJsonAsync("/system/crm/v1/quotes",
            HubSpotQuoteStubs.QuoteRequest(tenant: "acme", accountId: "acc-acme-001", opportunityId: null!))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(Shape(embedded), Shape(salesforce));
        Assert.Equal(Shape(embedded), Shape(hubspot));
        Assert.Equal(["salesforce", "hubspot", "embedded-crm"], new[] { salesforce, hubspot, embedded }.Select(q => q.GetProperty("source").GetProperty("system").GetString()));
        Assert.Equal(embedded.GetProperty("total").GetProperty("amount").GetDecimal(), hubspot.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.All([salesforce, hubspot, embedded], q => Assert.Equal("Draft", q.GetProperty("status").GetString()));
    }

    // Property names, nested (arrays by their first element); values differ by system.
    private static string Shape(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().Select(p => p.Name + Shape(p.Value))) + "}",
        JsonValueKind.Array => "[" + (value.GetArrayLength() > 0 ? Shape(value[0]) : "") + "]",
        _ => "",
    };

    private static string Names(JsonElement quote) => string.Join(",", quote.EnumerateObject().Select(p => p.Name));

    private static string Quote(string status) => $$"""
        {"id":"7701","properties":{"hs_title":"Umbrella lab equipment","hs_quote_number":"Q-UMB-0042","hs_status":"{{status}}","hs_currency":"EUR",
          "hs_expiration_date":"2026-12-31T00:00:00Z","hs_comments":null},"createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-26T10:00:00Z","archived":false,
         "associations":{"line_items":{"results":[{"id":"8801","type":"quote_to_line_item"},{"id":"8802","type":"quote_to_line_item"}]},
           "companies":{"results":[{"id":"9001","type":"quote_to_company"}]},"deals":{"results":[{"id":"4401","type":"quote_to_deal"}]} } }
        """;
}
