using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// The platform process — quote-to-cash with it — killed by its PID (SIGKILL) while order requests run their steps, and
/// while they compensate, twenty times each, and started again on the same data each time: every order request ends,
/// none is stuck, and the systems of record hold one document per step (the re-runs carried the same keys).
/// In the same collection as the shared platform so it never competes with it for the machine.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProcessApiCrashProof(PlatformFixture platform, ITestOutputHelper output) : IDisposable
{
    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("APIPLATFORM_Q2C_CRASH_KILLS"), out var n) ? n : 20;

    // MAN-TECH-DOC is billed at a price billing does not know, so those orders are refused at the last step.
    private readonly KillablePlatform host = new(platform.DatabaseProvider,
        new Dictionary<string, string> { ["QuoteToCash__SubscriptionPrices__MAN-TECH-DOC"] = "price_not_in_billing" });

    [Fact]
    public async Task Every_order_request_ends_with_one_document_per_step_however_often_the_process_api_is_killed()
    {
        var random = new Random(20261206);
        var restarts = new List<TimeSpan>();
        await host.StartAsync();
        using var sales = await host.ClientAsync("sales-app", "sales-secret");
        using var integration = await host.ClientAsync("integration-app", "integration-secret");

        // Forward steps: SPARE-KIT orders complete. Compensation: MAN-TECH-DOC is billed at a price billing does not
        // know (this run's setting), so those orders are refused at the last step and undo the five before it.
        var orders = new List<(string Id, string QuoteId, bool Refused)>();
        foreach (var refused in new[] { false, true })
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                for (var i = 0; i < 3; i++)
                {
                    var line = refused ? Orders.Line("MAN-TECH-DOC", 1, 45m) : Orders.Line("SPARE-KIT", 1, 110m);
                    var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [line]);
                    orders.Add(((await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!, quoteId, refused));
                }
                await Task.Delay(random.Next(50, 700));
                host.Kill();
                var clock = Stopwatch.StartNew();
                await host.StartAsync();
                restarts.Add(clock.Elapsed);
            }
        }

        var ended = new List<JsonElement>();
        foreach (var (id, _, _) in orders)
        {
            ended.Add(await Orders.WaitForAsync(sales, id, seconds: 180));
        }
        var rerun = ended.Sum(o => o.GetProperty("steps").EnumerateArray().Concat(o.GetProperty("compensations").EnumerateArray())
            .Count(s => s.GetProperty("attempts").GetInt32() > 1));
        output.WriteLine($"{2 * Kills} kills, restart to serving: median {restarts.Order().ElementAt(restarts.Count / 2).TotalSeconds:0.0} s; " +
            $"{orders.Count} order requests; steps and compensations that ran again after a kill: {rerun}");

        for (var i = 0; i < orders.Count; i++)
        {
            var (_, quoteId, refused) = orders[i];
            var order = ended[i];
            Assert.Equal(refused ? "Rejected" : "Completed", order.Status());
            var salesOrderId = order.Document("salesOrderId")!;
            var invoices = await (await integration.GetAsync($"/system/finance/v1/invoices?salesOrderId={salesOrderId}")).AssertJsonAsync(HttpStatusCode.OK);
            var invoice = Assert.Single(invoices.GetProperty("items").EnumerateArray());
            var reservation = await (await integration.GetAsync($"/system/erp/v1/reservations?salesOrderId={salesOrderId}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Single(reservation.GetProperty("items").EnumerateArray());
            var salesOrder = await (await integration.GetAsync($"/system/erp/v1/sales-orders/{salesOrderId}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(quoteId, salesOrder.GetProperty("quoteId").GetString());
            if (refused)
            {
                Assert.Equal(["invoice", "crm-contract", "sales-order", "reserve-inventory", "credit-check"], order.StepList("compensations").Select(c => c.Name));
                Assert.Equal("Cancelled", salesOrder.GetProperty("status").GetString());
                Assert.Equal("Void", invoice.GetProperty("status").GetString());
            }
            else
            {
                Assert.NotEqual("Cancelled", salesOrder.GetProperty("status").GetString());
            }
        }
        // One sales order per quote, whatever was re-run.
        var perQuote = await Orders.SalesOrdersPerQuoteAsync(integration, "acc-acme-001", orders.Select(o => o.QuoteId).ToHashSet());
        Assert.All(perQuote, q => Assert.Equal(1, q.Value));
    }

    public void Dispose() => host.Dispose();
}
