using System.Net;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>
/// Eight identical creates with one Idempotency-Key at once, straight to crm: one record, answered to every caller as
/// the create or its replay, never a 500 from the unique index. On SQLite and PostgreSQL.
/// </summary>
public abstract class ParallelCreateTests(SystemApiPlatform platform)
{
    [SkippableFact]
    public async Task Parallel_accounts_with_one_key_make_one_account()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var name = $"Race Holdings {Guid.NewGuid():N}";

        var id = (await PostAsync("/v1/accounts", new { tenant = "acme", name, country = "DE", currency = "EUR" })).AssertOneRecord();

        using var client = await platform.DirectClientAsync("crm");
        var listed = await (await client.GetAsync($"/v1/accounts?tenant=acme&name={Uri.EscapeDataString(name)}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task Parallel_contacts_with_one_key_make_one_contact()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var mail = $"race-{Guid.NewGuid():N}@acme.example";

        (await PostAsync("/v1/contacts", new { tenant = "acme", accountId = "acc-acme-002", firstName = "Rae", lastName = "Parallel", email = mail })).AssertOneRecord();
    }

    [SkippableFact]
    public async Task Parallel_opportunities_with_one_key_make_one_opportunity()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);

        (await PostAsync("/v1/opportunities", new
        {
            tenant = "acme", accountId = "acc-acme-002", name = $"Race {Guid.NewGuid():N}", stage = "Proposal",
            amount = new { amount = 12_000m, currency = "EUR" }, closeDate = "2027-06-30",
        })).AssertOneRecord();
    }

    [SkippableFact]
    public async Task Parallel_quotes_with_one_key_make_one_quote()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);

        (await PostAsync("/v1/quotes", new
        {
            tenant = "acme", accountId = "acc-acme-003", currency = "EUR", taxRate = 0.20m,
            lines = new[] { new { sku = "IND-PUMP-200", description = "Industrial pump 200", quantity = 2m, unitPrice = new { amount = 2450m, currency = "EUR" }, discountPercent = 0m } },
        })).AssertOneRecord();
    }

    private Task<(HttpStatusCode StatusCode, string Body)[]> PostAsync(string path, object body) =>
        ParallelPosts.SendAsync(platform, "crm", path, body, Guid.NewGuid().ToString("N"));
}

[Collection(CrmCollection.Name)]
public sealed class ParallelCreateOnSqliteTests(CrmPlatform platform) : ParallelCreateTests(platform);

[Collection(CrmPostgresCollection.Name)]
public sealed class ParallelCreateOnPostgresTests(PostgresPlatform platform) : ParallelCreateTests(platform);
