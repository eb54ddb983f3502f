using System.Net;
using ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>
/// Eight identical keyed creates at once, straight to finance: one record, answered to every caller as the create or its
/// replay, never a 500 from the unique index. Keys: the Idempotency-Key, a payment's bank reference, a supplier's
/// invoice number. On SQLite and PostgreSQL.
/// </summary>
public abstract class ParallelCreateTests(SystemApiPlatform platform)
{
    private static readonly object Stuttgart = new { line1 = "Industriestraße 12", city = "Stuttgart", postalCode = "70565", region = "BW", country = "DE" };

    [SkippableFact]
    public async Task Parallel_invoices_with_one_key_make_one_invoice()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var account = $"acc-{Guid.NewGuid():N}"[..24];

        var id = (await PostAsync("/v1/invoices", new
        {
            tenant = "acme", accountId = account, currency = "EUR", shipTo = Stuttgart, paymentTermsDays = 30,
            lines = new[] { new { sku = "IND-PUMP-200", description = "Industrial pump 200", quantity = 1m, unitPrice = Money(2450m), discountPercent = 0m } },
        }, Key())).AssertOneRecord();

        using var client = await platform.DirectClientAsync("finance");
        var listed = await (await client.GetAsync($"/v1/invoices?tenant=acme&accountId={account}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task Parallel_payments_with_one_bank_reference_make_one_payment()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var account = $"acc-{Guid.NewGuid():N}"[..24];

        var id = (await PostAsync("/v1/payments", new
        {
            tenant = "acme", accountId = account, amount = Money(300m), method = "bank-transfer", reference = $"BT-{Guid.NewGuid():N}"[..20],
        })).AssertOneRecord();

        using var client = await platform.DirectClientAsync("finance");
        var listed = await (await client.GetAsync($"/v1/payments?tenant=acme&accountId={account}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task Parallel_copies_of_one_supplier_invoice_record_it_once()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var supplier = $"sup-{Guid.NewGuid():N}"[..24];

        var id = (await PostAsync("/v1/supplier-invoices", new
        {
            tenant = "acme", supplierId = supplier, supplierInvoiceNumber = "RE-RACE-1", purchaseOrderId = "po-test",
            net = Money(1_000m), tax = Money(190m), invoiceDate = $"{DateTime.UtcNow:yyyy-MM-dd}", dueDate = $"{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}",
        })).AssertOneRecord();

        using var client = await platform.DirectClientAsync("finance");
        var listed = await (await client.GetAsync($"/v1/supplier-invoices?tenant=acme&supplierId={supplier}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task Parallel_billing_customers_and_subscriptions_with_one_key_make_one_each()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var account = $"acc-{Guid.NewGuid():N}"[..24];

        var customer = (await PostAsync("/v1/billing/customers", new { tenant = "acme", accountId = account, name = "Race Customer", email = "ap@race.example" }, Key()))
            .AssertOneRecord();
        var subscription = (await PostAsync("/v1/billing/subscriptions", new { tenant = "acme", customerId = customer, priceId = "price_platform_seat_monthly", quantity = 3m }, Key()))
            .AssertOneRecord();

        using var client = await platform.DirectClientAsync("finance");
        var listed = await (await client.GetAsync($"/v1/billing/subscriptions?tenant=acme&customerId={customer}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(subscription, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task Parallel_credit_assessments_with_one_key_make_one_assessment()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);

        // Declined (no line covers it), so the seeded credit line other tests read is not touched.
        (await PostAsync("/v1/credit-assessments", new { accountId = "acc-acme-001", amount = Money(900_000_000m) }, Key())).AssertOneRecord();
    }

    private Task<(HttpStatusCode StatusCode, string Body)[]> PostAsync(string path, object body, string? key = null) =>
        ParallelPosts.SendAsync(platform, "finance", path, body, key);

    private static string Key() => Guid.NewGuid().ToString("N");

    private static object Money(decimal amount) => new { amount, currency = "EUR" };
}

[Collection(FinanceCollection.Name)]
public sealed class ParallelCreateOnSqliteTests(FinancePlatform platform) : ParallelCreateTests(platform);

[Collection(FinancePostgresCollection.Name)]
public sealed class ParallelCreateOnPostgresTests(PostgresPlatform platform) : ParallelCreateTests(platform);
