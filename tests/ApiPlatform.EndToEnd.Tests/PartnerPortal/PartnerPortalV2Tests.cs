using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;

namespace ApiPlatform.EndToEnd.Tests.PartnerPortal;

/// <summary>Partner portal v2 through the gateway: orders told as their process, invoices and the balance, each tenant's own.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PartnerPortalV2Tests(PlatformFixture platform)
{
    private const string Finance = "/system/finance/v1";

    [Fact]
    public async Task An_order_is_told_as_its_process_with_its_sales_order_shipment_and_invoice_until_it_is_paid()
    {
        using var sales = await platform.SalesAppAsync();
        using var integration = await platform.IntegrationAppAsync();
        using var acme = await platform.AcmeAsync();
        using var globex = await platform.GlobexAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 2, 110m)]);

        var response = await PortalV2.OrderAsync(acme, quoteId);
        var placed = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var id = placed.GetProperty("id").GetString()!;
        Assert.Equal($"{PortalV2.V2}/orders/{id}", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Deprecation"));

        var invoiced = await PortalV2.WaitForStageAsync(acme, id, "Invoiced");
        Assert.Equal(Orders.Steps, invoiced.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        // A partner reads each step's business outcome, never attempts or technical errors.
        Assert.All(invoiced.GetProperty("timeline").EnumerateArray(), s => Assert.False(s.TryGetProperty("attempts", out _) || s.TryGetProperty("lastError", out _)));
        Assert.StartsWith("SO-", invoiced.GetProperty("salesOrder").GetProperty("number").GetString(), StringComparison.Ordinal);
        var invoice = Assert.Single(invoiced.GetProperty("invoices").EnumerateArray());
        Assert.Equal("Open", invoice.GetProperty("status").GetString());
        Assert.Equal(invoice.GetProperty("total").GetProperty("amount").GetDecimal(), invoice.GetProperty("amountDue").GetProperty("amount").GetDecimal());
        Assert.Empty(invoiced.Unavailable());

        // The sales order ships in erp: the order is Shipped, with the carrier and tracking number erp knows.
        var salesOrderId = invoice.GetProperty("salesOrderId").GetString()!;
        await (await integration.PostJsonAsync($"/system/erp/v1/sales-orders/{salesOrderId}/shipments", new { carrier = "DHL", trackingNumber = "JD0146" }, Orders.Key()))
            .AssertJsonAsync(HttpStatusCode.Created);
        var shipped = await PortalV2.WaitForStageAsync(acme, id, "Shipped");
        var shipment = Assert.Single(shipped.GetProperty("shipments").EnumerateArray());
        Assert.Equal("DHL", shipment.GetProperty("carrier").GetString());
        Assert.Equal("JD0146", shipment.GetProperty("trackingNumber").GetString());
        Assert.Equal("Shipped", shipped.GetProperty("salesOrder").GetProperty("status").GetString());

        // Paid in finance: the order is Paid and its invoice shows it.
        var invoiceId = invoice.GetProperty("id").GetString()!;
        var total = invoice.GetProperty("total");
        await (await integration.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = "acc-acme-001", amount = total, method = "bank-transfer", reference = $"RF-{Guid.NewGuid():N}"[..30],
            applications = new[] { new { invoiceId, amount = total } },
        }, Orders.Key())).AssertJsonAsync(HttpStatusCode.Created);
        var paid = await PortalV2.WaitForStageAsync(acme, id, "Paid");
        Assert.Equal("Paid", Assert.Single(paid.GetProperty("invoices").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(total.GetProperty("amount").GetDecimal(), paid.GetProperty("amountPaid").GetProperty("amount").GetDecimal());

        // The invoice is ACME's alone.
        var one = await (await acme.GetAsync($"{PortalV2.V2}/invoices/{invoiceId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", one.GetProperty("status").GetString());
        Assert.Contains(await acme.AllItemsAsync($"{PortalV2.V2}/invoices?status=Paid"), i => i.GetProperty("id").GetString() == invoiceId);
        Assert.DoesNotContain(await globex.AllItemsAsync($"{PortalV2.V2}/invoices"), i => i.GetProperty("id").GetString() == invoiceId);
        await (await globex.GetAsync($"{PortalV2.V2}/invoices/{invoiceId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await globex.GetAsync($"{PortalV2.V2}/orders/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_balance_is_what_each_account_of_the_partners_tenant_owes()
    {
        using var integration = await platform.IntegrationAppAsync();
        using var acme = await platform.AcmeAsync();
        using var globex = await platform.GlobexAsync();
        var account = $"acc-acme-{Guid.NewGuid():N}"[..20];
        // A payment received before any invoice of the account: the account is owed 250 EUR.
        await (await integration.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = account, amount = new { amount = 250m, currency = "EUR" }, method = "bank-transfer",
            reference = $"RF-{Guid.NewGuid():N}"[..30], applications = Array.Empty<object>(),
        }, Orders.Key())).AssertJsonAsync(HttpStatusCode.Created);

        var balance = await (await acme.GetAsync($"{PortalV2.V2}/balance")).AssertJsonAsync(HttpStatusCode.OK);

        var accounts = balance.GetProperty("accounts").EnumerateArray().ToList();
        var line = Assert.Single(accounts, a => a.GetProperty("accountId").GetString() == account);
        Assert.Equal(250m, line.GetProperty("unappliedPayments").GetProperty("amount").GetDecimal());
        Assert.Equal(-250m, line.GetProperty("balance").GetProperty("amount").GetDecimal());
        Assert.Equal(0, line.GetProperty("openInvoiceCount").GetInt32());
        // The totals add up the accounts, per currency; every account is ACME's, and finance agrees on each.
        var euro = balance.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "EUR");
        Assert.Equal(accounts.Where(a => a.GetProperty("balance").GetProperty("currency").GetString() == "EUR").Sum(a => a.GetProperty("balance").GetProperty("amount").GetDecimal()),
            euro.GetProperty("amount").GetDecimal());
        Assert.All(accounts, a => Assert.StartsWith("acc-acme-", a.GetProperty("accountId").GetString(), StringComparison.Ordinal));
        var inFinance = await (await integration.GetAsync($"{Finance}/accounts/{account}/balance")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(inFinance.GetProperty("balance").GetProperty("amount").GetDecimal(), line.GetProperty("balance").GetProperty("amount").GetDecimal());

        var theirs = await (await globex.GetAsync($"{PortalV2.V2}/balance")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.GetProperty("accounts").EnumerateArray(), a => a.GetProperty("accountId").GetString() == account);
    }

    [Fact]
    public async Task V1_answers_carry_deprecation_sunset_and_successor_link_and_v2_answers_do_not()
    {
        using var acme = await platform.AcmeAsync();

        var v1 = await acme.GetAsync($"{PortalV2.V1}/quotes");
        var v2 = await acme.GetAsync($"{PortalV2.V2}/quotes");

        await v1.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("@" + new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), v1.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", v1.Headers.GetValues("Sunset").Single());
        var links = string.Join(", ", v1.Headers.GetValues("Link"));
        Assert.Contains($"<{PortalV2.V2}>; rel=\"successor-version\"", links, StringComparison.Ordinal);
        Assert.Contains("rel=\"deprecation\"", links, StringComparison.Ordinal);

        // The partner's scope is the API's, not a version's: the same token reads v2, which is active.
        await v2.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(await acme.AllItemsAsync($"{PortalV2.V2}/quotes"), q => q.GetProperty("id").GetString() == "q-acme-1001");
        Assert.False(v2.Headers.Contains("Deprecation"));
        Assert.False(v2.Headers.Contains("Sunset"));
        Assert.False(v2.Headers.Contains("Link"));
    }

    [Fact]
    public async Task The_catalog_publishes_both_versions_v1_deprecated_with_v2_as_its_successor()
    {
        var apis = await (await platform.Gateway.GetAsync("/catalog/apis")).AssertJsonAsync(HttpStatusCode.OK);
        var portal = apis.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "partner-portal");
        var versions = portal.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([(1, "deprecated"), (2, "active")], versions.Select(v => (v.GetProperty("major").GetInt32(), v.GetProperty("status").GetString())));
        Assert.Equal(2, versions[0].GetProperty("successor").GetInt32());

        var v2 = await (await platform.Gateway.GetAsync("/catalog/apis/partner-portal/v2/openapi.json")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(v2.GetProperty("paths").TryGetProperty("/v2/balance", out _));
        Assert.Equal("active", v2.GetProperty("info").GetProperty("x-lifecycle").GetProperty("status").GetString());
        var v1 = await (await platform.Gateway.GetAsync("/catalog/apis/partner-portal/v1/openapi.json")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.All(v1.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()), o => Assert.True(o.Value.GetProperty("deprecated").GetBoolean()));
    }

    [Fact]
    public async Task Consumers_per_version_show_which_partners_still_call_v1()
    {
        using var admin = await platform.AdminAsync();
        using var globex = await platform.GlobexAsync();
        var beforeV1 = await RequestsAsync(admin, 1, "partner-globex");
        var beforeV2 = await RequestsAsync(admin, 2, "partner-globex");

        for (var i = 0; i < 2; i++)
        {
            await (await globex.GetAsync($"{PortalV2.V1}/quotes")).AssertJsonAsync(HttpStatusCode.OK);
        }
        await (await globex.GetAsync($"{PortalV2.V2}/quotes")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(beforeV1 + 2, await RequestsAsync(admin, 1, "partner-globex"));
        Assert.Equal(beforeV2 + 1, await RequestsAsync(admin, 2, "partner-globex"));
        var v1 = await (await admin.GetAsync("/catalog/apis/partner-portal/v1/consumers")).AssertJsonAsync(HttpStatusCode.OK);
        var globexOnV1 = v1.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "partner-globex");
        Assert.True(globexOnV1.GetProperty("lastSeen").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    private static async Task<long> RequestsAsync(HttpClient admin, int major, string clientId)
    {
        var consumers = await (await admin.GetAsync($"/catalog/apis/partner-portal/v{major}/consumers")).AssertJsonAsync(HttpStatusCode.OK);
        return consumers.EnumerateArray().Where(c => c.GetProperty("clientId").GetString() == clientId)
            .Select(c => c.GetProperty("requests").GetInt64()).SingleOrDefault();
    }
}
