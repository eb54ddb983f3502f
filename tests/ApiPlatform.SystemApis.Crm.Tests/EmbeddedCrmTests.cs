using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>The embedded reference CRM through the gateway; run on SQLite and, when a server is given, on PostgreSQL.</summary>
public abstract class EmbeddedCrmTests(SystemApiPlatform platform)
{
    private const string Crm = "/system/crm/v1";

    [SkippableFact]
    public async Task Accounts_page_and_filter_by_name_parent_and_country()
    {
        using var client = await ClientAsync();

        var firstPage = await (await client.GetAsync($"{Crm}/accounts?tenant=acme&limit=2")).AssertJsonAsync(HttpStatusCode.OK);
        var secondPage = await (await client.GetAsync($"{Crm}/accounts?tenant=acme&offset=2&limit=2")).AssertJsonAsync(HttpStatusCode.OK);
        var children = await (await client.GetAsync($"{Crm}/accounts?parentAccountId=acc-acme-001")).AssertJsonAsync(HttpStatusCode.OK);
        var austrian = await (await client.GetAsync($"{Crm}/accounts?tenant=acme&country=AT")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(firstPage.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(2, firstPage.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(Ids(secondPage), Ids(firstPage).Contains);
        Assert.Contains("acc-acme-002", Ids(children));
        Assert.Contains("acc-acme-003", Ids(children));
        Assert.Equal(["acc-acme-003"], Ids(austrian));
    }

    [SkippableFact]
    public async Task An_account_is_created_once_per_key_updated_and_kept_out_of_loops()
    {
        using var client = await ClientAsync();
        var key = Guid.NewGuid().ToString("N");
        var body = new { tenant = "globex", name = $"Globex Research {key[..6]}", parentAccountId = "acc-globex-001", country = "US", currency = "USD" };

        var created = await (await client.PostJsonAsync($"{Crm}/accounts", body, key)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await client.PostJsonAsync($"{Crm}/accounts", body, key)).AssertJsonAsync(HttpStatusCode.OK);
        var id = created.GetProperty("id").GetString()!;
        var updated = await (await client.SendJsonAsync(HttpMethod.Put, $"{Crm}/accounts/{id}",
            new { name = "Globex Research Labs", parentAccountId = "acc-globex-001", country = "CA", currency = "CAD", industry = "Research" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        var loop = await client.SendJsonAsync(HttpMethod.Put, "/system/crm/v1/accounts/acc-globex-001",
            new { name = "Globex Corporation", parentAccountId = id, country = "US", currency = "USD" });

        Assert.Equal(id, replay.GetProperty("id").GetString());
        Assert.Equal("embedded-crm", created.GetProperty("source").GetProperty("system").GetString());
        Assert.Equal("CAD", updated.GetProperty("currency").GetString());
        Assert.Equal("Research", updated.GetProperty("industry").GetString());
        await loop.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
    }

    [SkippableFact]
    public async Task Invalid_and_unknown_input_is_answered_as_problems()
    {
        using var client = await ClientAsync();

        var invalid = await (await client.PostJsonAsync($"{Crm}/accounts", new { tenant = "acme", name = "", country = "Germany", currency = "euro" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await client.PostJsonAsync($"{Crm}/accounts", new { tenant = "acme", name = "Orphan", parentAccountId = "acc-none", country = "DE", currency = "EUR" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        await (await client.GetAsync($"{Crm}/accounts/acc-none")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var errors = invalid.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Country", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Currency", out _), errors.ToString());
    }

    [SkippableFact]
    public async Task Contacts_and_opportunities_belong_to_accounts()
    {
        using var client = await ClientAsync();
        var contact = await (await client.PostJsonAsync($"{Crm}/contacts",
            new { tenant = "acme", accountId = "acc-acme-002", firstName = "Mia", lastName = "Schulz", email = "m.schulz@acme-logistics.example" },
            Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var opportunity = await (await client.PostJsonAsync($"{Crm}/opportunities",
            new { tenant = "acme", accountId = "acc-acme-002", name = "Cold-chain fleet", stage = "Proposal", amount = new { amount = 240_000m, currency = "EUR" }, closeDate = "2027-03-31" },
            Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);

        var contacts = await (await client.GetAsync($"{Crm}/contacts?accountId=acc-acme-002")).AssertJsonAsync(HttpStatusCode.OK);
        var proposals = await (await client.GetAsync($"{Crm}/opportunities?tenant=acme&stage=Proposal")).AssertJsonAsync(HttpStatusCode.OK);
        var read = await (await client.GetAsync($"{Crm}/opportunities/{opportunity.GetProperty("id").GetString()}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Contains(contact.GetProperty("id").GetString(), Ids(contacts));
        Assert.Contains(opportunity.GetProperty("id").GetString(), Ids(proposals));
        Assert.Equal(50, read.GetProperty("probability").GetInt32());
        Assert.Equal(240_000m, read.GetProperty("amount").GetProperty("amount").GetDecimal());
        await (await client.PostJsonAsync($"{Crm}/contacts", new { tenant = "acme", accountId = "acc-globex-001", firstName = "X", lastName = "Y", email = "x@y.example" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
    }

    [SkippableFact]
    public async Task A_quote_goes_from_draft_to_submitted_to_approved_with_totals_from_its_lines()
    {
        using var client = await ClientAsync();
        var draft = await (await client.PostJsonAsync($"{Crm}/quotes", new
        {
            tenant = "acme", accountId = "acc-acme-003", currency = "EUR", taxRate = 0.20m,
            lines = new object[]
            {
                new { sku = "IND-PUMP-200", description = "Industrial pump 200", quantity = 3m, unitPrice = new { amount = 2450m, currency = "EUR" }, discountPercent = 10m },
                new { sku = "SVC-INSTALL", description = "Installation service", quantity = 1m, unitPrice = new { amount = 1800m, currency = "EUR" }, discountPercent = 0m },
            },
        }, Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetString();

        await (await client.PostAsync($"{Crm}/quotes/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var submitted = await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        var approved = await (await client.PostAsync($"{Crm}/quotes/{id}/approve", null)).AssertJsonAsync(HttpStatusCode.OK);

        // 3 x 2450 = 7350 less 10 % = 6615; + 1800 = 8415 net; tax 20 % = 1683; total 10098.
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(9_150m, Amount(approved, "subtotal"));
        Assert.Equal(735m, Amount(approved, "discount"));
        Assert.Equal(1_683m, Amount(approved, "tax"));
        Assert.Equal(10_098m, Amount(approved, "total"));
    }

    [SkippableFact]
    public async Task A_rejected_quote_keeps_its_reason()
    {
        using var client = await ClientAsync();
        var draft = await (await client.PostJsonAsync($"{Crm}/quotes", new
        {
            tenant = "globex", accountId = "acc-globex-002", currency = "USD", taxRate = 0.0725m,
            lines = new[] { new { sku = "SRV-RACK-42U", description = "Server rack 42U", quantity = 1m, unitPrice = new { amount = 3900m, currency = "USD" }, discountPercent = 0m } },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetString();
        await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);

        await (await client.PostJsonAsync($"{Crm}/quotes/{id}/reject", new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var rejected = await (await client.PostJsonAsync($"{Crm}/quotes/{id}/reject", new { reason = "Budget moved to 2028" })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Budget moved to 2028", rejected.GetProperty("decisionReason").GetString());
        await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    private async Task<HttpClient> ClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.ClientAsync();
    }

    private static List<string?> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();

    private static decimal Amount(JsonElement quote, string name) => quote.GetProperty(name).GetProperty("amount").GetDecimal();
}

[Collection(CrmCollection.Name)]
public sealed class EmbeddedCrmOnSqliteTests(CrmPlatform platform) : EmbeddedCrmTests(platform);

[Collection(CrmPostgresCollection.Name)]
public sealed class EmbeddedCrmOnPostgresTests(PostgresPlatform platform) : EmbeddedCrmTests(platform);
