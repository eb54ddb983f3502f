using System.Net;

namespace ApiPlatform.SystemApis.Finance.Tests;

public abstract partial class EmbeddedFinanceTests
{
    [SkippableFact]
    public async Task Balances_list_what_each_account_of_a_tenant_owes_and_need_a_tenant_from_an_internal_caller()
    {
        using var client = await ClientAsync();
        var invoiced = $"acc-acme-{Guid.NewGuid():N}"[..20];
        var prepaid = $"acc-acme-{Guid.NewGuid():N}"[..20];
        var invoice = await (await client.PostJsonAsync($"{Finance}/invoices", Invoice(null, invoiced), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = prepaid, amount = Money(300m), method = "bank-transfer", reference = $"BT-{Guid.NewGuid():N}"[..20],
            applications = Array.Empty<object>(),
        })).AssertJsonAsync(HttpStatusCode.Created);

        var balances = (await (await client.GetAsync($"{Finance}/balances?tenant=acme")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var withoutTenant = await client.GetAsync($"{Finance}/balances");

        var owed = Assert.Single(balances, b => b.GetProperty("accountId").GetString() == invoiced);
        Assert.Equal(Amount(invoice, "total"), Amount(owed, "balance"));
        Assert.Equal(1, owed.GetProperty("openInvoiceCount").GetInt32());
        var credit = Assert.Single(balances, b => b.GetProperty("accountId").GetString() == prepaid);
        Assert.Equal(-300m, Amount(credit, "balance"));
        Assert.Equal(300m, Amount(credit, "unappliedPayments"));
        Assert.All(balances, b => Assert.Equal("acme", b.GetProperty("tenant").GetString()));
        Assert.Equal(balances.Select(b => b.GetProperty("accountId").GetString()).Order(StringComparer.Ordinal), balances.Select(b => b.GetProperty("accountId").GetString()));
        await withoutTenant.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [SkippableFact]
    public async Task An_account_with_documents_in_several_currencies_has_its_balance_read_in_one_it_names()
    {
        using var client = await ClientAsync();
        var account = $"acc-acme-{Guid.NewGuid():N}"[..20];
        foreach (var (amount, currency) in new[] { (300m, "EUR"), (200m, "USD") })
        {
            await (await client.PostJsonAsync($"{Finance}/payments", new
            {
                tenant = "acme", accountId = account, amount = new { amount, currency }, method = "bank-transfer", reference = $"BT-{Guid.NewGuid():N}"[..20],
                applications = Array.Empty<object>(),
            })).AssertJsonAsync(HttpStatusCode.Created);
        }

        var unnamed = await client.GetAsync($"{Finance}/accounts/{account}/balance");
        var inUsd = await (await client.GetAsync($"{Finance}/accounts/{account}/balance?currency=USD")).AssertJsonAsync(HttpStatusCode.OK);

        var problem = await unnamed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal("Several currencies", problem.GetProperty("title").GetString());
        Assert.Matches($"^Account {account} has documents in (EUR, USD|USD, EUR); name one with 'currency'.$", problem.GetProperty("detail").GetString());
        Assert.Equal(-200m, Amount(inUsd, "balance"));
    }
}
