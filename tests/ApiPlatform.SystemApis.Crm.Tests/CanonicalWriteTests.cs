using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>
/// The invariants every canonical write of the system APIs keeps, through the gateway: a body naming a property twice
/// is refused, text carries no control or bidirectional-override characters, prices are not negative, and an expired
/// quote is neither approved nor accepted. The platform under test serves crm, erp and finance alike.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class CanonicalWriteTests(CrmPlatform platform)
{
    private const string Crm = "/system/crm/v1";
    private const string Text = "@@";

    // Each write with one text field marked @@; every body is valid as it stands (the control request proves it).
    private static readonly Dictionary<string, (string Path, string Json)> Writes = new()
    {
        ["crm-account"] = ($"{Crm}/accounts", """{"tenant":"globex","name":"@@","parentAccountId":"acc-globex-001","country":"US","currency":"USD"}"""),
        ["crm-contact"] = ($"{Crm}/contacts", """{"tenant":"acme","accountId":"acc-acme-002","firstName":"@@","lastName":"Schulz","email":"m.schulz@acme-logistics.example"}"""),
        ["crm-opportunity"] = ($"{Crm}/opportunities", """{"tenant":"acme","accountId":"acc-acme-002","name":"@@","stage":"Proposal","amount":{"amount":9000,"currency":"EUR"},"closeDate":"2027-06-30"}"""),
        ["crm-quote"] = ($"{Crm}/quotes", """{"tenant":"acme","accountId":"acc-acme-002","currency":"EUR","taxRate":0.19,"lines":[{"sku":"IND-PUMP-200","description":"@@","quantity":2,"unitPrice":{"amount":2450,"currency":"EUR"},"discountPercent":0}]}"""),
        ["erp-customer"] = ("/system/erp/v1/customers", """{"tenant":"acme","crmAccountId":"acc-acme-@@id","name":"@@","country":"DE","currency":"EUR","billingAddress":{"line1":"Robotweg 1","city":"München","postalCode":"80331","region":"BY","country":"DE"}}"""),
        ["finance-billing-customer"] = ("/system/finance/v1/billing/customers", """{"tenant":"acme","accountId":"acc-acme-@@id","name":"@@","email":"ap@acme-manufacturing.example"}"""),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var write in Writes.Keys)
        {
            cases.Add(write, "duplicate-tenant");
            cases.Add(write, "bidi-override");
            cases.Add(write, "bell");
            cases.Add(write, "nul");
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_canonical_write_refuses_duplicate_properties_and_control_or_bidi_characters(string write, string attack)
    {
        using var client = await platform.ClientAsync();
        var (path, json) = Writes[write];
        var unique = Guid.NewGuid().ToString("N")[..10];
        json = json.Replace("@@id", unique, StringComparison.Ordinal);

        using var control = await PostRawAsync(client, path, json.Replace(Text, $"Plain name {unique}", StringComparison.Ordinal));
        Assert.True(control.IsSuccessStatusCode, $"control {write}: {(int)control.StatusCode} {await control.Content.ReadAsStringAsync()}");

        var hostile = attack switch
        {
            "duplicate-tenant" => "{\"tenant\":\"umbrella\"," + json[1..].Replace(Text, $"Other name {unique}", StringComparison.Ordinal),
            "bidi-override" => json.Replace(Text, $"Invoice {unique} \\u202Egpj.exe", StringComparison.Ordinal),
            "bell" => json.Replace(Text, $"Ring {unique} \\u0007", StringComparison.Ordinal),
            _ => json.Replace(Text, $"Null {unique} \\u0000", StringComparison.Ordinal),
        };
        using var refused = await PostRawAsync(client, path, hostile);

        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{write} {attack}: {(int)refused.StatusCode} {body}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_quote_line_with_a_negative_unit_price_or_a_quote_valid_until_the_past_is_refused()
    {
        using var client = await platform.ClientAsync();
        var negative = """{"tenant":"acme","accountId":"acc-acme-002","currency":"EUR","taxRate":0.19,"lines":[{"sku":"IND-PUMP-200","description":"Pump","quantity":2,"unitPrice":{"amount":-2450,"currency":"EUR"},"discountPercent":0}]}""";
        var expired = """{"tenant":"acme","accountId":"acc-acme-002","currency":"EUR","taxRate":0.19,"validUntil":"2020-01-01T00:00:00Z","lines":[{"sku":"IND-PUMP-200","description":"Pump","quantity":2,"unitPrice":{"amount":2450,"currency":"EUR"},"discountPercent":0}]}""";

        var price = await (await PostRawAsync(client, $"{Crm}/quotes", negative)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var past = await (await PostRawAsync(client, $"{Crm}/quotes", expired)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Contains("UnitPrice", price.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ValidUntil", past.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_quote_can_be_neither_approved_nor_accepted_but_an_accepted_one_can_still_be_reopened()
    {
        using var client = await platform.ClientAsync();
        var submitted = await CreateQuoteAsync(client);
        await (await client.PostAsync($"{Crm}/quotes/{submitted}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        var approved = await CreateQuoteAsync(client);
        await (await client.PostAsync($"{Crm}/quotes/{approved}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"{Crm}/quotes/{approved}/approve", null)).AssertJsonAsync(HttpStatusCode.OK);
        var accepted = await CreateQuoteAsync(client);
        await (await client.PostAsync($"{Crm}/quotes/{accepted}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"{Crm}/quotes/{accepted}/approve", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"{Crm}/quotes/{accepted}/accept?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);
        await ExpireAsync(submitted, approved, accepted);

        await (await client.PostAsync($"{Crm}/quotes/{submitted}/approve", null)).AssertProblemAsync((HttpStatusCode)422, "business-rule");
        await (await client.PostAsync($"{Crm}/quotes/{approved}/accept?tenant=acme", null)).AssertProblemAsync((HttpStatusCode)422, "business-rule");
        var reopened = await (await client.PostAsync($"{Crm}/quotes/{accepted}/reopen?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Approved", reopened.GetProperty("status").GetString());
    }

    private static async Task<string> CreateQuoteAsync(HttpClient client)
    {
        var body = """{"tenant":"acme","accountId":"acc-acme-002","currency":"EUR","taxRate":0.19,"lines":[{"sku":"IND-PUMP-200","description":"Pump","quantity":2,"unitPrice":{"amount":2450,"currency":"EUR"},"discountPercent":0}]}""";
        var quote = await (await PostRawAsync(client, $"{Crm}/quotes", body)).AssertJsonAsync(HttpStatusCode.Created);
        return quote.GetProperty("id").GetString()!;
    }

    /// <summary>Moves the quotes' validity into the past in crm's own database, as time passing would.</summary>
    private async Task ExpireAsync(params string[] ids)
    {
        using var scope = platform.Platform.Services("crm").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var quotes = await db.Set<QuoteEntity>().Where(q => ids.Contains(q.Id)).ToListAsync();
        Assert.Equal(ids.Length, quotes.Count);
        foreach (var quote in quotes)
        {
            quote.ValidUntil = DateTimeOffset.UtcNow.AddDays(-1);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(PlatformHeaders.IdempotencyKey, Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }
}
