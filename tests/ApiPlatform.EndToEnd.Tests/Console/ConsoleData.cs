using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;

namespace ApiPlatform.EndToEnd.Tests.Console;

/// <summary>
/// What the console test needs to find on its pages, made through the platform's own APIs first: an order request
/// stalled at approval, one that failed and was compensated, one whose compensation could not complete (its cause then
/// cured, so a retry finishes it), an erp dead letter whose cause is then cured (to replay), and another (to discard).
/// </summary>
internal sealed record ConsoleData(string StalledInstance, string FailedInstance, string StuckInstance, string DeadLetterSubject, string DiscardSubject)
{
    public static async Task<ConsoleData> CreateAsync(PlatformFixture platform, HttpClient admin, HttpClient sales, HttpClient integration)
    {
        // Over the customer's credit: the order request waits for a finance approval, whose SLA is a second here.
        var bigQuote = await Orders.ApprovedQuoteAsync(sales, "acc-acme-003", [Orders.Line("ROBOT-ARM-X", 2, 48_500m)]);
        var stalled = (await Orders.OrderAsync(sales, bigQuote)).Body.GetProperty("id").GetString()!;

        // The ERP keeps answering 503 to the sales order: the order request fails and is compensated.
        var correlationId = Orders.Key();
        var smallQuote = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m)]);
        platform.Faults.Inject(correlationId, HttpMethod.Post, "/v1/sales-orders", HttpStatusCode.ServiceUnavailable);
        string failed;
        try
        {
            failed = (await Orders.OrderAsync(sales, smallQuote, correlationId)).Body.GetProperty("id").GetString()!;
            Assert.Equal("Failed", (await Orders.WaitForAsync(sales, failed)).Status());
        }
        finally
        {
            platform.Faults.Clear(correlationId);
        }

        // The invoice is refused and cancelling the sales order keeps failing: the compensation cannot complete. Once the
        // cause is gone, an operator's retry finishes it.
        var stuckKey = Orders.Key();
        var stuckQuote = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m), Orders.Line("MAN-TECH-DOC", 1, 45m)]);
        platform.Faults.Inject(stuckKey, HttpMethod.Post, "/v1/(invoices|sales-orders/[^/]+/cancel)", HttpStatusCode.ServiceUnavailable);
        string stuck;
        try
        {
            stuck = (await Orders.OrderAsync(sales, stuckQuote, stuckKey)).Body.GetProperty("id").GetString()!;
            Assert.Equal("CompensationFailed", (await Orders.WaitForAsync(sales, stuck)).Status());
        }
        finally
        {
            platform.Faults.Clear(stuckKey);
        }

        // Accounts erp cannot take yet: their crm.account.changed.v1 events end in erp's dead letters; then the cause is cured.
        var accountId = await DeadLetteredAccountAsync(platform, admin, integration);
        var discardId = await DeadLetteredAccountAsync(platform, admin, integration);
        // erp's next messaging sample (every 5 s here) counts it, and analytics shows it in integration health.
        await EventuallyAsync(async () =>
        {
            var health = await (await sales.GetAsync("/experience/analytics/v1/integration-health?system=erp")).AssertJsonAsync(HttpStatusCode.OK);
            return health.GetProperty("systems").EnumerateArray().Any(s => s.GetProperty("messaging") is { ValueKind: JsonValueKind.Object } m
                && m.GetProperty("deadLetters").GetInt64() >= 1);
        }, "integration health counts erp's open dead letter");

        await EventuallyAsync(async () =>
        {
            var list = await (await admin.GetAsync("/process/quote-to-cash/workflows/stalled?type=quote-to-cash.order")).AssertJsonAsync(HttpStatusCode.OK);
            return list.EnumerateArray().Any(s => s.GetProperty("instance").GetProperty("id").GetString() == stalled);
        }, "the order request over the credit limit is listed as stalled");
        return new ConsoleData(stalled, failed, stuck, accountId, discardId);
    }

    private static async Task<string> DeadLetteredAccountAsync(PlatformFixture platform, HttpClient admin, HttpClient integration)
    {
        var name = $"Console {Guid.NewGuid():N}"[..20];
        platform.PoisonedCustomers.Poison(name);
        var account = await (await integration.PostJsonAsync("/system/crm/v1/accounts", new { tenant = "acme", name, country = "DE", currency = "EUR" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var accountId = account.GetProperty("id").GetString()!;
        await EventuallyAsync(async () => (await DeadLetterAsync(admin, accountId, "Open")) is not null, "erp dead-letters the poisoned account's event");
        platform.PoisonedCustomers.Cure(name);
        return accountId;
    }

    /// <summary>erp's dead letter of the account's crm.account.changed.v1 event (in that status), if there is one.</summary>
    public static async Task<JsonElement?> DeadLetterAsync(HttpClient admin, string accountId, string? status)
    {
        var letters = await (await admin.GetAsync($"/system/erp/messaging/dead-letters?type=crm.account.changed.v1&limit=200{(status is null ? "" : "&status=" + status)}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        return letters.EnumerateArray().Where(l => l.GetProperty("subject").GetString() == accountId).Select(l => (JsonElement?)l).FirstOrDefault();
    }

    public static async Task AssertCustomerSyncedAsync(HttpClient integration, string accountId) => await EventuallyAsync(async () =>
    {
        var page = await (await integration.GetAsync($"/system/erp/v1/customers?tenant=acme&crmAccountId={accountId}")).AssertJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").GetArrayLength() == 1;
    }, "the replayed event made the erp customer");

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Within 30 s: {what}.");
            await Task.Delay(200);
        }
    }
}
