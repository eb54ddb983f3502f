using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.EndToEnd.Tests.Reconciliation;

/// <summary>
/// Documents of a tenant of its own, made through the erp and finance APIs (the one exception: an invoice's journal entry
/// is deleted in finance's database, because finance always posts an invoice with it), one discrepancy of each kind.
/// </summary>
internal sealed class ReconciliationSeed(PlatformFixture platform, HttpClient integration, string tenant)
{
    private static readonly object Stuttgart = new { line1 = "Industriestraße 12", city = "Stuttgart", postalCode = "70565", region = "BW", country = "DE" };

    public Dictionary<string, string> Documents { get; } = [];

    public async Task SeedAsync()
    {
        Documents["OrderWithoutInvoice"] = await OrderAsync(1);
        var shortInvoiced = await OrderAsync(2);
        Documents["AmountMismatch"] = await InvoiceAsync(shortInvoiced, 1, "EUR");
        var otherCurrency = await OrderAsync(1);
        Documents["CurrencyMismatch"] = await InvoiceAsync(otherCurrency, 1, "USD");
        var unposted = await OrderAsync(1);
        Documents["InvoiceWithoutJournalEntry"] = await InvoiceAsync(unposted, 1, "EUR");
        await DeletePostingAsync(Documents["InvoiceWithoutJournalEntry"]);
        var postedTwice = await OrderAsync(1);
        Documents["DuplicatePosting"] = await InvoiceAsync(postedTwice, 1, "EUR");
        var invoice = await GetAsync($"/system/finance/v1/invoices/{Documents["DuplicatePosting"]}");
        await PostEntryAsync($"Invoice {invoice.GetProperty("number").GetString()}", invoice.GetProperty("total").GetProperty("amount").GetDecimal());
        Documents["JournalEntryWithoutSource"] = (await PostEntryAsync("Accrual booked by hand", 75m)).GetProperty("id").GetString()!;
        Documents["PaymentNotApplied"] = (await (await integration.PostJsonAsync("/system/finance/v1/payments", new
        {
            tenant, accountId = "acc-recon", amount = new { amount = 500m, currency = "EUR" }, method = "bank-transfer",
            reference = $"RF-{tenant}", applications = Array.Empty<object>(),
        }, Key())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private async Task<string> OrderAsync(int quantity) =>
        (await (await integration.PostJsonAsync("/system/erp/v1/sales-orders", new
        {
            tenant, customerAccountId = "acc-recon", quoteId = (string?)null, currency = "EUR",
            lines = new[] { new { sku = "SPARE-KIT", description = "Spare parts kit", quantity, unitPrice = new { amount = 120m, currency = "EUR" }, discountPercent = 0m } },
        }, Key())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private async Task<string> InvoiceAsync(string salesOrderId, int quantity, string currency) =>
        (await (await integration.PostJsonAsync("/system/finance/v1/invoices", new
        {
            tenant, accountId = "acc-recon", salesOrderId, currency, shipTo = Stuttgart, paymentTermsDays = 30,
            lines = new[] { new { sku = "SPARE-KIT", description = "Spare parts kit", quantity, unitPrice = new { amount = 120m, currency }, discountPercent = 0m, taxCode = (string?)null } },
        }, Key())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private async Task<JsonElement> PostEntryAsync(string description, decimal amount) =>
        await (await integration.PostJsonAsync("/system/finance/v1/journal-entries", new
        {
            tenant, postingDate = DateOnly.FromDateTime(DateTime.UtcNow), description, currency = "EUR",
            lines = new object[]
            {
                new { accountCode = "1100", debit = new { amount, currency = "EUR" }, memo = "acc-recon" },
                new { accountCode = "4000", credit = new { amount, currency = "EUR" } },
            },
        }, Key())).AssertJsonAsync(HttpStatusCode.Created);

    private async Task DeletePostingAsync(string invoiceId)
    {
        using var scope = platform.Platform.Services("finance").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var number = (await db.Invoices.SingleAsync(i => i.Id == invoiceId)).Number;
        db.JournalEntries.Remove(await db.JournalEntries.SingleAsync(e => e.Tenant == tenant && e.Description == $"Invoice {number}"));
        await db.SaveChangesAsync();
    }

    private async Task<JsonElement> GetAsync(string path) => await (await integration.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);

    private static string Key() => Guid.NewGuid().ToString("N");
}
