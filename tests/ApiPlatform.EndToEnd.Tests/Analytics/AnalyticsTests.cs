using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;

namespace ApiPlatform.EndToEnd.Tests.Analytics;

/// <summary>The analytics read model through the gateway, fed by the events of a real quote-to-cash order.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsTests(PlatformFixture platform)
{
    private const string Analytics = "/experience/analytics/v1";

    [Fact]
    public async Task An_order_waiting_for_approval_shows_as_stalled_then_its_timeline_spans_every_system()
    {
        using var sales = await platform.SalesAppAsync();
        using var financeApp = await platform.FinanceAppAsync();
        var correlationId = "analytics-" + Guid.NewGuid().ToString("N");
        // acc-acme-003 has 80,000 EUR of credit: two robot arms are over it, so the order waits for a finance approver.
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-003", [Orders.Line("ROBOT-ARM-X", 2, 48_500m)]);
        var id = (await Orders.OrderAsync(sales, quoteId, correlationId)).Body.GetProperty("id").GetString()!;
        await Orders.WaitForAsync(sales, id, o => o.Status() == "AwaitingApproval");

        // The fixture gives approval an SLA of one second.
        var stalled = await EventuallyAsync(async () =>
            (await sales.AllItemsAsync($"{Analytics}/transactions/stalled?tenant=acme")).FirstOrDefault(t => t.GetProperty("id").GetString() == id));
        Assert.Equal(("AwaitingApproval", "approval", "quote-to-cash", true), (Text(stalled, "status"), Text(stalled, "stage"), Text(stalled, "waitingOn"),
            stalled.GetProperty("stalled").GetBoolean()));
        Assert.Equal(correlationId, Text(stalled, "correlationId"));
        var byCorrelation = await (await sales.GetAsync($"{Analytics}/transactions?correlationId={correlationId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([id], byCorrelation.GetProperty("items").EnumerateArray().Select(t => Text(t, "id")));

        await (await financeApp.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "approve" }, Orders.Key()))
            .AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("Completed", (await Orders.WaitForAsync(sales, id)).Status());

        var timeline = await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Analytics}/transactions/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
            var systems = body.GetProperty("entries").EnumerateArray().Select(e => Text(e, "system")).ToHashSet();
            return Text(body.GetProperty("transaction"), "status") == "Completed" && systems.IsSupersetOf(["crm", "erp", "finance"]) ? body : default;
        });
        var transaction = timeline.GetProperty("transaction");
        Assert.False(transaction.GetProperty("stalled").GetBoolean());
        Assert.Equal(("shipment", "erp"), (Text(transaction, "stage"), Text(transaction, "waitingOn")));
        Assert.Equal(quoteId, Text(transaction.GetProperty("documents"), "quoteId"));
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(entries.OrderBy(e => e.GetProperty("at").GetDateTimeOffset()).Select(e => Text(e, "eventId")), entries.Select(e => Text(e, "eventId")));
        Assert.Contains(entries, e => Text(e, "eventType") == "quote-to-cash.order.awaiting-approval.v1" && Text(e, "step") == "approval");
        Assert.Contains(entries, e => Text(e, "eventType") == "finance.invoice.issued.v1");
        Assert.All(entries.Where(e => Text(e, "system") == "quote-to-cash"), e => Assert.Equal(correlationId, Text(e, "correlationId")));

        var kpis = await (await sales.GetAsync($"{Analytics}/kpis?tenant=acme&kind=quote-to-cash")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(kpis.GetProperty("processes")[0].GetProperty("approvalWait").GetProperty("count").GetInt32() >= 1);
        await (await sales.GetAsync($"{Analytics}/kpis?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_tenants_transactions_and_a_foreign_one_is_not_found()
    {
        using var sales = await platform.SalesAppAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("MAN-TECH-DOC", 1, 45m)]);
        var id = (await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!;
        await EventuallyAsync(async () => (await sales.GetAsync($"{Analytics}/transactions/{id}")).StatusCode == HttpStatusCode.OK);

        using var acme = await platform.AcmeAsync();
        using var globex = await platform.GlobexAsync();
        await (await acme.GetAsync($"{Analytics}/transactions/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
        await (await globex.GetAsync($"{Analytics}/transactions/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await globex.GetAsync($"{Analytics}/transactions/{id}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        // Asking for another tenant changes nothing: a partner's own tenant always applies.
        var seen = await globex.AllItemsAsync($"{Analytics}/transactions?tenant=acme");
        Assert.All(seen, t => Assert.Equal("globex", Text(t, "tenant")));
        Assert.DoesNotContain(seen, t => Text(t, "id") == id);
    }

    [Fact]
    public async Task A_platform_admin_rebuilds_the_read_model_from_the_streams_without_counting_twice()
    {
        using var sales = await platform.SalesAppAsync();
        using var admin = await platform.AdminAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("MAN-TECH-DOC", 1, 45m)]);
        var id = (await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!;
        await Orders.WaitForAsync(sales, id);
        var before = await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Analytics}/transactions/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
            return Text(body.GetProperty("transaction"), "status") == "Completed" && body.GetProperty("entries").GetArrayLength() > 0 ? body : default;
        });

        await (await sales.PostJsonAsync("/experience/analytics/messaging/projections/rebuild", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.PostJsonAsync("/experience/analytics/messaging/projections/rebuild", new { })).AssertJsonAsync(HttpStatusCode.Accepted);

        var expected = EventIds(before);
        var after = await EventuallyAsync(async () =>
        {
            var response = await sales.GetAsync($"{Analytics}/transactions/{id}/timeline");
            var body = response.StatusCode == HttpStatusCode.OK ? await response.AssertJsonAsync(HttpStatusCode.OK) : default;
            return body.ValueKind == JsonValueKind.Object && EventIds(body).IsSupersetOf(expected) ? body : default;
        }, seconds: 120);
        Assert.Equal(EventIds(after).Count, after.GetProperty("entries").GetArrayLength());
        Assert.Equal("Completed", Text(after.GetProperty("transaction"), "status"));
    }

    [Fact]
    public async Task A_reconciliation_exception_on_an_orders_sales_order_shows_on_its_timeline_and_in_the_reconciliation_kpis()
    {
        using var sales = await platform.SalesAppAsync();
        using var integration = await platform.IntegrationAppAsync();
        using var finance = await platform.FinanceAppAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("MAN-TECH-DOC", 1, 45m)]);
        var id = (await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!;
        Assert.Equal("Completed", (await Orders.WaitForAsync(sales, id)).Status());
        var documents = (await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Analytics}/transactions/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
            return body.GetProperty("transaction").GetProperty("documents").TryGetProperty("invoiceId", out var invoice)
                && invoice.ValueKind == JsonValueKind.String ? body : default;
        })).GetProperty("transaction").GetProperty("documents");

        // The order's invoice is voided: its sales order now has no invoice, which reconciliation reports.
        await (await integration.PostJsonAsync($"/system/finance/v1/invoices/{Text(documents, "invoiceId")}/void", new { reason = "issued twice" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        var run = await (await finance.PostJsonAsync("/process/reconciliation/v1/runs", new { tenant = "acme", period = DateTime.UtcNow.ToString("yyyy-MM") }))
            .AssertJsonAsync(HttpStatusCode.Accepted);
        await EventuallyAsync(async () => Text(await (await finance.GetAsync($"/process/reconciliation/v1/runs/{Text(run, "id")}"))
            .AssertJsonAsync(HttpStatusCode.OK), "status") == "Completed", seconds: 60);

        var entry = await EventuallyAsync(async () =>
            (await (await sales.GetAsync($"{Analytics}/transactions/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("entries")
            .EnumerateArray().FirstOrDefault(e => Text(e, "eventType") == "reconciliation.exception.opened.v1"));
        Assert.Equal("reconciliation", Text(entry, "system"));
        Assert.Contains("OrderWithoutInvoice", Text(entry, "detail"), StringComparison.Ordinal);

        // The run's own event is committed with its completion, after the exceptions' events: it may arrive a little later.
        var kpis = await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Analytics}/kpis/reconciliation?tenant=acme")).AssertJsonAsync(HttpStatusCode.OK);
            return body.GetProperty("runs").GetInt32() >= 1 ? body : default;
        });
        var uninvoiced = kpis.GetProperty("exceptions").EnumerateArray().Single(k => Text(k, "kind") == "OrderWithoutInvoice");
        Assert.True(uninvoiced.GetProperty("openNow").GetInt32() >= 1);
        Assert.Contains(kpis.GetProperty("amounts").EnumerateArray(), a => a.GetProperty("openNow").GetDecimal() >= 45m);
    }

    private static HashSet<string> EventIds(JsonElement timeline) =>
        timeline.GetProperty("entries").EnumerateArray().Select(e => Text(e, "eventId")).ToHashSet();

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (!EqualityComparer<T>.Default.Equals(value, default) || DateTime.UtcNow > deadline)
            {
                Assert.False(EqualityComparer<T>.Default.Equals(value, default), "the read model did not get there in time");
                return value;
            }
            await Task.Delay(200);
        }
    }
}
