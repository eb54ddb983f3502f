using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>Finance's integration events, committed with the change through the outbox and delivered on the event transport.</summary>
public abstract class FinanceEventTests(SystemApiPlatform platform)
{
    private const string Finance = "/system/finance/v1";
    private const string Account = "acc-acme-001";
    private static readonly object Stuttgart = new { line1 = "Industriestraße 12", city = "Stuttgart", postalCode = "70565", region = "BW", country = "DE" };

    [SkippableFact]
    public async Task Issuing_paying_crediting_and_voiding_invoices_are_delivered_as_finance_events()
    {
        using var client = await ClientAsync();
        var events = new DeliveredEvents(platform.Platform);
        var order = $"so-{Guid.NewGuid():N}";

        var invoice = await IssueAsync(client, order);
        var id = invoice.GetProperty("id").GetString();
        var reference = $"BT-{Guid.NewGuid():N}"[..20];
        var payment = await (await client.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = Account, amount = Money(2_000m), method = "bank-transfer", reference,
            applications = new[] { new { invoiceId = id, amount = Money(1_500m) } },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var paymentId = payment.GetProperty("id").GetString();
        await (await client.PostJsonAsync($"{Finance}/payments/{paymentId}/applications",
            new { applications = new[] { new { invoiceId = id, amount = Money(500m) } } })).AssertJsonAsync(HttpStatusCode.OK);
        var note = await (await client.PostJsonAsync($"{Finance}/invoices/{id}/credit-notes", new { amount = Money(100m), reason = "Late delivery" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var voidable = await IssueAsync(client, null);
        var voidableId = voidable.GetProperty("id").GetString();
        await (await client.PostJsonAsync($"{Finance}/invoices/{voidableId}/void", new { reason = "Issued twice" })).AssertJsonAsync(HttpStatusCode.OK);

        var issued = await events.WaitForAsync("finance.invoice.issued.v1", d => d.GetProperty("invoiceId").GetString() == id);
        var recorded = await events.WaitForAsync("finance.payment.recorded.v1", d => d.GetProperty("paymentId").GetString() == paymentId);
        var applied = await events.WaitForAsync("finance.payment.applied.v1", d => d.GetProperty("paymentId").GetString() == paymentId);
        var credited = await events.WaitForAsync("finance.credit-note.issued.v1", d => d.GetProperty("invoiceId").GetString() == id);
        var voided = await events.WaitForAsync("finance.invoice.voided.v1", d => d.GetProperty("invoiceId").GetString() == voidableId);

        Assert.Equal(id, issued.GetProperty("subject").GetString());
        Assert.Equal("acme", issued.GetProperty("tenant").GetString());
        Assert.Equal("/finance", issued.GetProperty("source").GetString());
        Assert.Equal(order, issued.GetProperty("data").GetProperty("salesOrderId").GetString());
        Assert.Equal(Amount(invoice, "total"), Amount(issued.GetProperty("data"), "total"));
        Assert.Equal(reference, recorded.GetProperty("data").GetProperty("reference").GetString());
        var application = Assert.Single(recorded.GetProperty("data").GetProperty("applications").EnumerateArray());
        Assert.Equal(id, application.GetProperty("invoiceId").GetString());
        Assert.Equal(1_500m, Amount(application, "amount"));
        Assert.Equal(500m, Amount(recorded.GetProperty("data"), "unapplied"));
        Assert.Equal(500m, Amount(Assert.Single(applied.GetProperty("data").GetProperty("applications").EnumerateArray()), "amount"));
        Assert.Equal(0m, Amount(applied.GetProperty("data"), "unapplied"));
        Assert.Equal(note.GetProperty("id").GetString(), credited.GetProperty("data").GetProperty("creditNoteId").GetString());
        Assert.Equal(Amount(invoice, "total") - 2_100m, Amount(credited.GetProperty("data"), "amountDue"));
        Assert.Equal("Issued twice", voided.GetProperty("data").GetProperty("reason").GetString());
        Assert.Single(events.Of("finance.invoice.issued.v1", d => d.GetProperty("invoiceId").GetString() == id));
    }

    [SkippableFact]
    public async Task A_refused_write_publishes_nothing()
    {
        using var client = await ClientAsync();
        var events = new DeliveredEvents(platform.Platform);
        var order = $"so-{Guid.NewGuid():N}";
        var invoice = await IssueAsync(client, order);
        var id = invoice.GetProperty("id").GetString();
        var refusedReference = $"BT-{Guid.NewGuid():N}"[..20];
        var sentinel = $"BT-{Guid.NewGuid():N}"[..20];

        var twice = await client.PostJsonAsync($"{Finance}/invoices", Invoice(order), Guid.NewGuid().ToString("N"));
        var overApplied = await client.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = Account, amount = Money(900_000m), method = "bank-transfer", reference = refusedReference,
            applications = new[] { new { invoiceId = id, amount = Money(800_000m) } },
        });
        var unbalanced = await client.PostJsonAsync($"{Finance}/journal-entries", new
        {
            tenant = "acme", postingDate = $"{DateTime.UtcNow:yyyy-MM-dd}", description = "Unbalanced", currency = "EUR",
            lines = new object[] { new { accountCode = "6000", debit = Money(10m) }, new { accountCode = "1000", credit = Money(9.99m) } },
        });
        await (await client.PostJsonAsync($"{Finance}/invoices/{id}/credit-notes", new { amount = Money(10m), reason = "Goodwill" })).AssertJsonAsync(HttpStatusCode.Created);
        var notVoidable = await client.PostJsonAsync($"{Finance}/invoices/{id}/void", new { reason = "Too late" });
        await (await client.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = Account, amount = Money(1m), method = "bank-transfer", reference = sentinel,
        })).AssertJsonAsync(HttpStatusCode.Created);

        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await overApplied.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        await unbalanced.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        await notVoidable.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        // Events of one service are relayed in commit order: once the last write's event is here, every earlier one would be too.
        await events.WaitForAsync("finance.payment.recorded.v1", d => d.GetProperty("reference").GetString() == sentinel);
        Assert.Single(events.Of("finance.invoice.issued.v1", d => d.GetProperty("salesOrderId").GetString() == order));
        Assert.Empty(events.Of("finance.payment.recorded.v1", d => d.GetProperty("reference").GetString() == refusedReference));
        Assert.Empty(events.Of("finance.invoice.voided.v1", d => d.GetProperty("invoiceId").GetString() == id));
        Assert.Single(events.Of("finance.credit-note.issued.v1", d => d.GetProperty("invoiceId").GetString() == id));
    }

    private async Task<HttpClient> ClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.ClientAsync();
    }

    private static async Task<JsonElement> IssueAsync(HttpClient client, string? order) =>
        await (await client.PostJsonAsync($"{Finance}/invoices", Invoice(order), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);

    private static object Invoice(string? salesOrderId) => new
    {
        tenant = "acme", accountId = Account, salesOrderId, currency = "EUR", shipTo = Stuttgart, paymentTermsDays = 30,
        lines = new object[] { new { sku = "IND-PUMP-200", description = "Industrial pump 200", quantity = 2m, unitPrice = Money(2_450m), discountPercent = 0m } },
    };

    private static object Money(decimal amount) => new { amount, currency = "EUR" };

    private static decimal Amount(JsonElement document, string name) => document.GetProperty(name).GetProperty("amount").GetDecimal();
}

[Collection(FinanceCollection.Name)]
public sealed class FinanceEventOnSqliteTests(FinancePlatform platform) : FinanceEventTests(platform);

[Collection(FinancePostgresCollection.Name)]
public sealed class FinanceEventOnPostgresTests(PostgresPlatform platform) : FinanceEventTests(platform);
