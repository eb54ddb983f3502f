using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>The embedded reference finance system through the gateway; run on SQLite and, when a server is given, on PostgreSQL.</summary>
public abstract partial class EmbeddedFinanceTests(SystemApiPlatform platform)
{
    private const string Finance = "/system/finance/v1";
    private static readonly object Stuttgart = new { line1 = "Industriestraße 12", city = "Stuttgart", postalCode = "70565", region = "BW", country = "DE" };
    private static readonly object Austin = new { line1 = "400 Server Row", city = "Austin", postalCode = "78701", region = "TX", country = "US" };

    [SkippableFact]
    public async Task Tax_follows_the_ship_to_jurisdiction_and_each_lines_tax_code_rounded_per_line()
    {
        using var client = await ClientAsync();

        var german = await (await client.PostJsonAsync($"{Finance}/tax/calculations", new
        {
            shipTo = Stuttgart, currency = "EUR",
            lines = new object[] { Line(1, "STANDARD", 10.05m, "EUR"), Line(2, "STANDARD", 10.05m, "EUR"), Line(3, "REDUCED", 45m, "EUR") },
        })).AssertJsonAsync(HttpStatusCode.OK);
        var texan = await (await client.PostJsonAsync($"{Finance}/tax/calculations", new
        {
            shipTo = Austin, currency = "USD", lines = new object[] { Line(1, "STANDARD", 3900m, "USD"), Line(2, "SERVICES", 2160m, "USD") },
        })).AssertJsonAsync(HttpStatusCode.OK);
        var nowhere = await client.PostJsonAsync($"{Finance}/tax/calculations", new
        {
            shipTo = new { line1 = "1 Main St", city = "Springfield", postalCode = "00000", country = "US" }, currency = "USD", lines = new object[] { Line(1, "STANDARD", 1m, "USD") },
        });

        // 19 % of 10.05 = 1.9095 -> 1.91 on each line (3.82), not 3.819 -> 3.82 by chance: 7 % of 45 = 3.15.
        Assert.Equal("DE", german.GetProperty("jurisdiction").GetString());
        Assert.Equal([1.91m, 1.91m, 3.15m], german.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("taxAmount").GetProperty("amount").GetDecimal()));
        Assert.Equal(6.97m, Amount(german, "totalTax"));
        Assert.Equal("US-TX", texan.GetProperty("jurisdiction").GetString());
        Assert.Equal(243.75m, Amount(texan, "totalTax"));
        await nowhere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
    }

    [SkippableFact]
    public async Task An_order_is_invoiced_once_and_posted_to_the_ledger()
    {
        using var client = await ClientAsync();
        var order = $"so-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString("N");

        var invoice = await (await client.PostJsonAsync($"{Finance}/invoices", Invoice(order), key)).AssertJsonAsync(HttpStatusCode.Created);
        var again = await client.PostJsonAsync($"{Finance}/invoices", Invoice(order), Guid.NewGuid().ToString("N"));
        var listed = await (await client.GetAsync($"{Finance}/invoices?salesOrderId={order}")).AssertJsonAsync(HttpStatusCode.OK);
        var postings = await (await client.GetAsync($"{Finance}/journal-entries?tenant=acme&limit=200&period={DateTime.UtcNow:yyyy-MM}")).AssertJsonAsync(HttpStatusCode.OK);

        // 4 x 2450 less 5 % = 9310 at 19 %, 1 x 1800 at 19 %: tax 1768.90 + 342 = 2110.90.
        Assert.Equal(11_110m, Amount(invoice, "subtotal"));
        Assert.Equal(2_110.90m, Amount(invoice, "tax"));
        Assert.Equal(13_220.90m, Amount(invoice, "amountDue"));
        Assert.Equal("DE", invoice.GetProperty("jurisdiction").GetString());
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Contains(postings.GetProperty("items").EnumerateArray(), e => e.GetProperty("description").GetString() == $"Invoice {invoice.GetProperty("number").GetString()}");
    }

    [SkippableFact]
    public async Task Payments_settle_invoices_and_the_balance_shows_what_is_still_owed()
    {
        using var client = await ClientAsync();
        var account = "acc-acme-003";
        var invoice = await (await client.PostJsonAsync($"{Finance}/invoices", Invoice(null, account), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var id = invoice.GetProperty("id").GetString();

        var payment = await (await client.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = account, amount = Money(15_000m), method = "bank-transfer", reference = $"BT-{Guid.NewGuid():N}"[..20],
            applications = new[] { new { invoiceId = id, amount = Money(10_000m) } },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var partly = await (await client.GetAsync($"{Finance}/invoices/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var tooMuch = await client.PostJsonAsync($"{Finance}/payments/{payment.GetProperty("id").GetString()}/applications",
            new { applications = new[] { new { invoiceId = id, amount = Money(5_000m) } } });
        var rest = await (await client.PostJsonAsync($"{Finance}/payments/{payment.GetProperty("id").GetString()}/applications",
            new { applications = new[] { new { invoiceId = id, amount = Money(3_220.90m) } } })).AssertJsonAsync(HttpStatusCode.OK);
        var paid = await (await client.GetAsync($"{Finance}/invoices/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var balance = await (await client.GetAsync($"{Finance}/accounts/{account}/balance")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("PartiallyPaid", partly.GetProperty("status").GetString());
        await tooMuch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal(1_779.10m, Amount(rest, "unapplied"));
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        Assert.True(Amount(balance, "unappliedPayments") >= 1_779.10m);
    }

    [SkippableFact]
    public async Task A_credit_note_lowers_what_is_due_and_a_paid_invoice_cannot_be_voided()
    {
        using var client = await ClientAsync();
        var fresh = await (await client.PostJsonAsync($"{Finance}/invoices", Invoice(null), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var credited = await (await client.PostJsonAsync($"{Finance}/invoices", Invoice(null), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var creditedId = credited.GetProperty("id").GetString();

        var voided = await (await client.PostJsonAsync($"{Finance}/invoices/{fresh.GetProperty("id").GetString()}/void", new { reason = "Issued twice" })).AssertJsonAsync(HttpStatusCode.OK);
        var note = await (await client.PostJsonAsync($"{Finance}/invoices/{creditedId}/credit-notes", new { amount = Money(1_220.90m), reason = "Damaged in transit" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var tooLarge = await client.PostJsonAsync($"{Finance}/invoices/{creditedId}/credit-notes", new { amount = Money(20_000m), reason = "Too much" });
        var afterCredit = await (await client.GetAsync($"{Finance}/invoices/{creditedId}")).AssertJsonAsync(HttpStatusCode.OK);
        var notVoidable = await client.PostJsonAsync($"{Finance}/invoices/{creditedId}/void", new { reason = "Try" });

        Assert.Equal("Void", voided.GetProperty("status").GetString());
        Assert.Equal(0m, Amount(voided, "amountDue"));
        Assert.Equal(1_220.90m, Amount(note, "amount"));
        await tooLarge.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal(12_000m, Amount(afterCredit, "amountDue"));
        await notVoidable.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    private async Task<HttpClient> ClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.ClientAsync();
    }

    private static object Line(int lineNumber, string taxCode, decimal amount, string currency) => new { lineNumber, taxCode, netAmount = new { amount, currency } };

    private static object Money(decimal amount, string currency = "EUR") => new { amount, currency };

    private static decimal Amount(JsonElement document, string name) => document.GetProperty(name).GetProperty("amount").GetDecimal();

    private static object Invoice(string? salesOrderId, string accountId = "acc-acme-001") => new
    {
        tenant = "acme", accountId, salesOrderId, currency = "EUR", shipTo = Stuttgart, paymentTermsDays = 30,
        lines = new object[]
        {
            new { sku = "IND-PUMP-200", description = "Industrial pump 200", quantity = 4m, unitPrice = Money(2450m), discountPercent = 5m },
            new { sku = "SVC-INSTALL", description = "Installation service", quantity = 1m, unitPrice = Money(1800m), discountPercent = 0m, taxCode = "SERVICES" },
        },
    };
}

[Collection(FinanceCollection.Name)]
public sealed class EmbeddedFinanceOnSqliteTests(FinancePlatform platform) : EmbeddedFinanceTests(platform);

[Collection(FinancePostgresCollection.Name)]
public sealed class EmbeddedFinanceOnPostgresTests(PostgresPlatform platform) : EmbeddedFinanceTests(platform);
