using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>Writes to Salesforce: creates are upserts on the external id, so a retried create never makes a second record.</summary>
[Collection(CrmCollection.Name)]
public sealed class SalesforceWriteTests
{
    private readonly CrmPlatform platform;

    public SalesforceWriteTests(CrmPlatform platform)
    {
        this.platform = platform;
        Reset(platform.Salesforce);
    }

    [Fact]
    public async Task A_retried_create_upserts_the_same_external_id_and_answers_the_same_account()
    {
        var upsert = Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"{Api}/sobjects/Account/ApiPlatform_Key__c/*")).UsingPatch();
        platform.Salesforce.Given(upsert).InScenario("upsert").WillSetStateTo("exists")
            .RespondWith(Json(201, """{"id":"001RO00000NewAcYAV","success":true,"errors":[],"created":true}"""));
        platform.Salesforce.Given(upsert).InScenario("upsert").WhenStateIs("exists")
            .RespondWith(Json(200, """{"id":"001RO00000NewAcYAV","success":true,"errors":[],"created":false}"""));
        platform.Salesforce.Given(Soql("ApiPlatform_Key__c")).RespondWith(Json(200, Query(1, null, Account("001RO00000NewAcYAV", "Initech Labs", country: "DE", currency: "EUR"))));
        using var client = await platform.ClientAsync();
        var body = new { tenant = CrmPlatform.SalesforceTenant, name = "Initech Labs", country = "DE", currency = "EUR", industry = "Software" };
        var key = Guid.NewGuid().ToString("N");

        var first = await (await client.PostJsonAsync("/system/crm/v1/accounts", body, key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.PostJsonAsync("/system/crm/v1/accounts", body, key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("001RO00000NewAcYAV", first.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), retry.GetProperty("id").GetString());
        var upserts = platform.Salesforce.Requests().Where(e => e.Method == "PATCH").Select(e => e.Path).ToList();
        Assert.Equal(2, upserts.Count);
        Assert.Single(upserts.Distinct());
        Assert.Contains("\"BillingCountryCode\":\"DE\"", platform.Salesforce.Requests().First(e => e.Method == "PATCH").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_quote_is_approved_in_Salesforce()
    {
        const string quoteId = "0Q0RO000000QtAbYAK";
        var read = Soql($"Id = '{quoteId}'");
        platform.Salesforce.Given(read).InScenario("quote").WillSetStateTo("read").RespondWith(Json(200, Query(1, null, Quote(quoteId, "In Review"))));
        // A read retried after its attempt timed out (the stub answered late on a busy machine) still sees the quote in review.
        platform.Salesforce.Given(read).InScenario("quote").WhenStateIs("read").RespondWith(Json(200, Query(1, null, Quote(quoteId, "In Review"))));
        platform.Salesforce.Given(Request.Create().WithPath($"{Api}/sobjects/Quote/{quoteId}").UsingPatch()).InScenario("quote").WhenStateIs("read")
            .WillSetStateTo("approved").RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(204));
        platform.Salesforce.Given(read).InScenario("quote").WhenStateIs("approved").RespondWith(Json(200, Query(1, null, Quote(quoteId, "Approved"))));
        using var client = await platform.ClientAsync();

        var approved = await (await client.PostAsync($"/system/crm/v1/quotes/{quoteId}/approve?tenant={CrmPlatform.SalesforceTenant}", null))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(2, approved.GetProperty("lines").GetArrayLength());
        Assert.Equal(10_345.50m, approved.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Contains("\"Status\":\"Approved\"", platform.Salesforce.Requests().Single(e => e.Method == "PATCH").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_draft_quote_is_409_and_nothing_is_written()
    {
        const string quoteId = "0Q0RO000000QtAcYAK";
        platform.Salesforce.Given(Soql($"Id = '{quoteId}'")).RespondWith(Json(200, Query(1, null, Quote(quoteId, "Draft"))));
        using var client = await platform.ClientAsync();

        await (await client.PostAsync($"/system/crm/v1/quotes/{quoteId}/approve?tenant={CrmPlatform.SalesforceTenant}", null))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.DoesNotContain(platform.Salesforce.Requests(), e => e.Method == "PATCH");
    }

    // Two lines: 10 x 900.00 less 5 % = 8550.00; 1 x 1000.00 = 1000.00; tax 795.50 → total 10345.50.
    private static string Quote(string id, string status) => $$"""
        {"attributes":{"type":"Quote","url":"{{Api}}/sobjects/Quote/{{id}}"},"Id":"{{id}}","QuoteNumber":"00000042","AccountId":"001RO00000AbCdEYAV",
         "OpportunityId":"006RO00000OpAbCYAZ","Status":"{{status}}","Description":null,"CurrencyIsoCode":"USD","Subtotal":10000.00,"TotalPrice":9550.00,"Tax":795.50,"GrandTotal":10345.50,
         "ExpirationDate":"2026-12-31","CreatedDate":"2026-11-01T12:00:00.000+0000",
         "QuoteLineItems":{"totalSize":2,"done":true,"records":[
           {"attributes":{"type":"QuoteLineItem"},"LineNumber":"00001","Quantity":10.0,"UnitPrice":900.00,"Discount":5.0,"Description":"TPS report automation seat",
            "Product2":{"attributes":{"type":"Product2"},"ProductCode":"TPS-SEAT","Name":"TPS seat"} },
           {"attributes":{"type":"QuoteLineItem"},"LineNumber":"00002","Quantity":1.0,"UnitPrice":1000.00,"Discount":null,"Description":null,
            "Product2":{"attributes":{"type":"Product2"},"ProductCode":"TPS-ONBOARD","Name":"Onboarding"} } ] } }
        """;
}
