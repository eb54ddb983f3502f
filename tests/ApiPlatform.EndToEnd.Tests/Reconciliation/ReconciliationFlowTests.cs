using System.Net;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests.Reconciliation;

[Collection(PlatformCollection.Name)]
public sealed class ReconciliationFlowTests(PlatformFixture platform)
{
    private const string Api = "/process/reconciliation/v1";

    [Fact]
    public async Task Finds_one_seeded_discrepancy_of_each_kind_once_a_re_run_finds_none_new_and_a_resolved_one_stays_resolved_until_its_data_change()
    {
        var tenant = "recon-" + Guid.NewGuid().ToString("N")[..8];
        var period = DateTime.UtcNow.ToString("yyyy-MM");
        var integration = await platform.IntegrationAppAsync();
        var finance = await platform.FinanceAppAsync();
        var seed = new ReconciliationSeed(platform, integration, tenant);
        await seed.SeedAsync();

        var first = await RunAsync(finance, tenant, period);
        Assert.Equal(7, first.GetProperty("newExceptions").GetInt32());
        var found = await ExceptionsAsync(finance, $"runId={first.GetProperty("id").GetString()}");
        Assert.Equal(seed.Documents.Keys.Order(), found.Select(e => e.GetProperty("kind").GetString()!).Order());
        foreach (var exception in found)
        {
            var kind = exception.GetProperty("kind").GetString()!;
            Assert.Contains(exception.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == seed.Documents[kind]);
            Assert.Equal(1, first.GetProperty("exceptionsByKind").GetProperty(kind).GetInt32());
        }

        var second = await RunAsync(finance, tenant, period);
        Assert.Equal(0, second.GetProperty("newExceptions").GetInt32());
        var all = await ExceptionsAsync(finance, $"tenant={tenant}");
        Assert.Equal(found.Select(e => e.GetProperty("id").GetString()).Order(), all.Select(e => e.GetProperty("id").GetString()).Order());

        var unapplied = found.Single(e => e.GetProperty("kind").GetString() == "PaymentNotApplied").GetProperty("id").GetString();
        var resolved = await (await finance.PostJsonAsync($"{Api}/exceptions/{unapplied}/resolution", new { note = "Customer prepayment, applied next month" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("finance-app", resolved.GetProperty("resolution").GetProperty("resolvedBy").GetString());
        await (await finance.PostJsonAsync($"{Api}/exceptions/{unapplied}/resolution", new { note = "twice" })).AssertJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", (await finance.PostJsonAsync($"{Api}/exceptions/{unapplied}/resolution", new { note = "" })).Content.Headers.ContentType?.MediaType);

        var third = await RunAsync(finance, tenant, period);
        Assert.Equal(0, third.GetProperty("newExceptions").GetInt32());
        Assert.Equal("Resolved", (await ExceptionAsync(finance, unapplied!)).GetProperty("status").GetString());

        // The data change: part of the payment is applied, so the unapplied amount the exception was resolved on is gone.
        await (await integration.PostJsonAsync($"/system/finance/v1/payments/{seed.Documents["PaymentNotApplied"]}/applications", new
        {
            applications = new[] { new { invoiceId = seed.Documents["AmountMismatch"], amount = new { amount = 100m, currency = "EUR" } } },
        })).AssertJsonAsync(HttpStatusCode.OK);
        var fourth = await RunAsync(finance, tenant, period);
        Assert.Equal(1, fourth.GetProperty("newExceptions").GetInt32());
        var reopened = await ExceptionAsync(finance, unapplied!);
        Assert.Equal("Open", reopened.GetProperty("status").GetString());
        Assert.Equal(["found", "resolved", "reopened"], reopened.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        var unsourced = found.Single(e => e.GetProperty("kind").GetString() == "JournalEntryWithoutSource").GetProperty("id").GetString();
        var rechecked = await (await finance.PostJsonAsync($"{Api}/exceptions/{unsourced}/recheck", new { })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", rechecked.GetProperty("status").GetString());
        Assert.Equal("rechecked", rechecked.GetProperty("activity").EnumerateArray().Last().GetProperty("action").GetString());

        // Analytics projects the runs and the exceptions' openings and resolution from reconciliation's events.
        using var sales = await platform.SalesAppAsync();
        var kpis = await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"/experience/analytics/v1/kpis/reconciliation?tenant={tenant}")).AssertJsonAsync(HttpStatusCode.OK);
            return body.GetProperty("runs").GetInt32() == 4 && body.GetProperty("exceptions").EnumerateArray().Sum(k => k.GetProperty("reopened").GetInt32()) == 1
                ? body : default;
        });
        var byKind = kpis.GetProperty("exceptions").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
        Assert.Equal(seed.Documents.Keys.Order(), byKind.Keys.Order());
        Assert.All(byKind.Values, k => Assert.Equal(1, k.GetProperty("opened").GetInt32()));
        Assert.Equal((1, 1, 1), (byKind["PaymentNotApplied"].GetProperty("reopened").GetInt32(), byKind["PaymentNotApplied"].GetProperty("resolved").GetInt32(),
            byKind["PaymentNotApplied"].GetProperty("openNow").GetInt32()));
        Assert.Contains(kpis.GetProperty("amounts").EnumerateArray(), a => a.GetProperty("currency").GetString() == "EUR" && a.GetProperty("openNow").GetDecimal() > 0);
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (value.ValueKind != JsonValueKind.Undefined || DateTime.UtcNow > deadline)
            {
                Assert.NotEqual(JsonValueKind.Undefined, value.ValueKind);
                return value;
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_run_is_queued_with_202_and_a_second_request_for_the_same_period_meanwhile_is_409()
    {
        var finance = await platform.FinanceAppAsync();
        var tenant = "recon-" + Guid.NewGuid().ToString("N")[..8];
        var response = await finance.PostJsonAsync($"{Api}/runs", new { tenant, period = "2026-01" });
        var run = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.EndsWith($"{Api}/runs/{run.GetProperty("id").GetString()}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var conflict = await finance.PostJsonAsync($"{Api}/runs", new { tenant, period = "2026-01" });
        Assert.True(conflict.StatusCode == HttpStatusCode.Conflict || (await Wait(finance, run)).GetProperty("status").GetString() == "Completed");
        await (await finance.PostJsonAsync($"{Api}/runs", new { tenant, period = "2026-13" })).AssertJsonAsync(HttpStatusCode.BadRequest);
        await (await (await platform.AcmeAsync()).GetAsync($"{Api}/runs")).AssertJsonAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, string tenant, string period)
    {
        var run = await (await client.PostJsonAsync($"{Api}/runs", new { tenant, period })).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("Queued", run.GetProperty("status").GetString());
        var done = await Wait(client, run);
        Assert.True(done.GetProperty("status").GetString() == "Completed", done.ToString());
        return done;
    }

    private static async Task<JsonElement> Wait(HttpClient client, JsonElement run)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await (await client.GetAsync($"{Api}/runs/{run.GetProperty("id").GetString()}")).AssertJsonAsync(HttpStatusCode.OK);
            if (current.GetProperty("status").GetString() is "Completed" or "Failed" || attempt == 300)
            {
                return current;
            }
            await Task.Delay(100);
        }
    }

    private static async Task<List<JsonElement>> ExceptionsAsync(HttpClient client, string query) =>
        await client.AllItemsAsync($"{Api}/exceptions?{query}");

    private static async Task<JsonElement> ExceptionAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"{Api}/exceptions/{id}")).AssertJsonAsync(HttpStatusCode.OK);
}
