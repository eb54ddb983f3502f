using System.Net;

namespace ApiPlatform.SystemApis.Finance.Tests;

public abstract partial class EmbeddedFinanceTests
{
    [SkippableFact]
    public async Task The_ledger_posts_only_balanced_entries_and_the_trial_balance_stays_balanced()
    {
        using var client = await ClientAsync();
        var period = $"{DateTime.UtcNow:yyyy-MM}";
        var before = await (await client.GetAsync($"{Finance}/ledger/trial-balance?tenant=globex&period={period}&currency=USD")).AssertJsonAsync(HttpStatusCode.OK);

        var posted = await (await client.PostJsonAsync($"{Finance}/journal-entries", Entry(1_250.00m, 1_250.00m))).AssertJsonAsync(HttpStatusCode.Created);
        var unbalanced = await client.PostJsonAsync($"{Finance}/journal-entries", Entry(1_250.00m, 1_249.99m));
        var unknown = await client.PostJsonAsync($"{Finance}/journal-entries", Entry(10m, 10m, expenseAccount: "6999"));
        var after = await (await client.GetAsync($"{Finance}/ledger/trial-balance?tenant=globex&period={period}&currency=USD")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, posted.GetProperty("lines").GetArrayLength());
        await unbalanced.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        await unknown.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.True(before.GetProperty("balanced").GetBoolean());
        Assert.True(after.GetProperty("balanced").GetBoolean());
        Assert.Equal(Amount(after, "totalDebit"), Amount(after, "totalCredit"));
        Assert.Equal(Amount(before, "totalDebit") + 1_250m, Amount(after, "totalDebit"));
        var expenses = after.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("accountCode").GetString() == "6000");
        Assert.Equal("expense", expenses.GetProperty("accountType").GetString());
        Assert.Contains(after.GetProperty("lines").EnumerateArray(), l => l.GetProperty("accountCode").GetString() == "3000");
    }

    [SkippableFact]
    public async Task A_line_with_both_a_debit_and_a_credit_is_invalid()
    {
        using var client = await ClientAsync();

        var problem = await (await client.PostJsonAsync($"{Finance}/journal-entries", new
        {
            tenant = "globex", postingDate = $"{DateTime.UtcNow:yyyy-MM-dd}", description = "Both sides", currency = "USD",
            lines = new object[]
            {
                new { accountCode = "6000", debit = Money(5m, "USD"), credit = Money(5m, "USD") },
                new { accountCode = "1000", credit = Money(5m, "USD") },
            },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Contains("Lines[0].Debit", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [SkippableFact]
    public async Task A_supplier_invoice_is_recorded_once_and_paid_up_to_what_is_due()
    {
        using var client = await ClientAsync();
        var number = $"RE-{Guid.NewGuid():N}"[..16];
        var body = new
        {
            tenant = "acme", supplierId = "sup-acme-001", supplierInvoiceNumber = number, purchaseOrderId = "po-test",
            net = Money(1_000m), tax = Money(190m), invoiceDate = $"{DateTime.UtcNow:yyyy-MM-dd}", dueDate = $"{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}",
        };

        var invoice = await (await client.PostJsonAsync($"{Finance}/supplier-invoices", body)).AssertJsonAsync(HttpStatusCode.Created);
        var copy = await (await client.PostJsonAsync($"{Finance}/supplier-invoices", body)).AssertJsonAsync(HttpStatusCode.OK);
        var altered = await client.PostJsonAsync($"{Finance}/supplier-invoices", body with { net = Money(2_000m) });
        var id = invoice.GetProperty("id").GetString();
        var payment = await (await client.PostJsonAsync($"{Finance}/supplier-payments", new { supplierInvoiceId = id, amount = Money(190m), reference = $"PAY-{number}" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        // The same payment sent again (a retry) answers the first and pays nothing more; its reference on another amount is a conflict.
        var repeat = await (await client.PostJsonAsync($"{Finance}/supplier-payments", new { supplierInvoiceId = id, amount = Money(190m), reference = $"PAY-{number}" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync($"{Finance}/supplier-payments", new { supplierInvoiceId = id, amount = Money(10m), reference = $"PAY-{number}" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(payment.GetProperty("id").GetString(), repeat.GetProperty("id").GetString());
        var overpay = await client.PostJsonAsync($"{Finance}/supplier-payments", new { supplierInvoiceId = id, amount = Money(1_000.01m), reference = $"PAY2-{number}" });
        var partly = await (await client.GetAsync($"{Finance}/supplier-invoices/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(id, copy.GetProperty("id").GetString());
        await altered.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await overpay.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal("PartiallyPaid", partly.GetProperty("status").GetString());
        Assert.Equal(1_000m, Amount(partly, "amountDue"));
    }

    [SkippableFact]
    public async Task The_embedded_billing_system_creates_each_subscription_once_per_key()
    {
        using var client = await ClientAsync();
        using var direct = await platform.DirectClientAsync("finance");
        var customer = await (await client.PostJsonAsync($"{Finance}/billing/customers",
            new { tenant = "acme", accountId = "acc-acme-001", name = "ACME Manufacturing GmbH", email = "ap@acme-manufacturing.example" }, Guid.NewGuid().ToString("N")))
            .AssertJsonAsync(HttpStatusCode.Created);
        var key = Guid.NewGuid().ToString("N");
        var body = new { tenant = "acme", customerId = customer.GetProperty("id").GetString(), priceId = "price_platform_seat_monthly", quantity = 12m };

        var subscription = await (await direct.PostJsonAsync("/v1/billing/subscriptions", body, key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await direct.PostJsonAsync("/v1/billing/subscriptions", body, key)).AssertJsonAsync(HttpStatusCode.OK);
        var listed = await (await client.GetAsync($"{Finance}/billing/subscriptions?tenant=acme&customerId={customer.GetProperty("id").GetString()}"))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(subscription.GetProperty("id").GetString(), retry.GetProperty("id").GetString());
        Assert.Equal(300m, Amount(subscription, "amount"));
        Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("embedded-billing", subscription.GetProperty("source").GetProperty("system").GetString());
    }

    private static object Entry(decimal debit, decimal credit, string expenseAccount = "6000") => new
    {
        tenant = "globex", postingDate = $"{DateTime.UtcNow:yyyy-MM-dd}", description = "Data center power, November", currency = "USD",
        lines = new object[]
        {
            new { accountCode = expenseAccount, debit = Money(debit, "USD"), memo = "Utility invoice 4471" },
            new { accountCode = "1000", credit = Money(credit, "USD") },
        },
    };
}
