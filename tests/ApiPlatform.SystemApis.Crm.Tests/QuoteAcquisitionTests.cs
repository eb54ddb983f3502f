using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using ApiPlatform.SystemApis.Testing;
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
    }

    private static string Names(JsonElement quote) => string.Join(",", quote.EnumerateObject().Select(p => p.Name));

    private static string Quote(string status) => $$"""
        {"id":"7701","properties":{"hs_title":"Umbrella lab equipment","hs_quote_number":"Q-UMB-0042","hs_status":"{{status}}","hs_currency":"EUR",
          "hs_expiration_date":"2026-12-31T00:00:00Z","hs_comments":null},"createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-26T10:00:00Z","archived":false,
         "associations":{"line_items":{"results":[{"id":"8801","type":"quote_to_line_item"},{"id":"8802","type":"quote_to_line_item"}]},
           "companies":{"results":[{"id":"9001","type":"quote_to_company"}]},"deals":{"results":[{"id":"4401","type":"quote_to_deal"}]} } }
        """;
}
