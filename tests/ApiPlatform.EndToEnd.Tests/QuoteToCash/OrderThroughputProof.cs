using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// Many order requests through the gateway at once: every one completes, and every system of record holds exactly one
/// document per step of each. Prints how many completed per second (a figure, not an assertion: machines here are noisy).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OrderThroughputProof(PlatformFixture platform, ITestOutputHelper output)
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("APIPLATFORM_Q2C_PROOF_ORDERS"), out var n) ? n : 200;

    [Fact]
    public async Task Every_order_request_completes_with_one_document_per_step_in_each_system_of_record()
    {
        using var sales = await platform.SalesAppAsync();
        using var integration = await platform.IntegrationAppAsync();
        using var gate = new SemaphoreSlim(8);
        var lines = new[] { Orders.Line("SPARE-KIT", 1, 110m), Orders.Line("MAN-TECH-DOC", 1, 45m) };
        var quotes = await Task.WhenAll(Enumerable.Range(0, Count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                return await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", lines);
            }
            finally
            {
                gate.Release();
            }
        }));

        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(quotes.Select(async quoteId =>
        {
            await gate.WaitAsync();
            try
            {
                return (await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!;
            }
            finally
            {
                gate.Release();
            }
        }));
        var accepted = clock.Elapsed;

        // Polled by the page (newest first), not one request per order: the client's plan limits its request rate.
        var wanted = ids.ToHashSet();
        var orders = new Dictionary<string, JsonElement>();
        var until = DateTime.UtcNow.AddMinutes(5);
        while (orders.Count < ids.Length && DateTime.UtcNow < until)
        {
            foreach (var order in await sales.AllItemsAsync($"{Orders.Process}/order-requests", stopAfter: ids.Length + 100))
            {
                if (wanted.Contains(order.GetProperty("id").GetString()!) && Orders.Terminal.Contains(order.Status()))
                {
                    orders[order.GetProperty("id").GetString()!] = order;
                }
            }
            await Task.Delay(500);
        }
        var elapsed = clock.Elapsed;
        output.WriteLine($"{ids.Length} order requests: accepted in {accepted.TotalSeconds:0.0} s, all ended in {elapsed.TotalSeconds:0.0} s: " +
            $"{ids.Length / elapsed.TotalSeconds:0.0} completed per second ({platform.DatabaseProvider})");

        Assert.Equal(ids.Length, orders.Count);
        Assert.All(orders.Values, o => Assert.Equal("Completed", o.Status()));
        var retried = orders.Values.Sum(o => o.GetProperty("steps").EnumerateArray().Sum(s => Math.Max(s.GetProperty("attempts").GetInt32() - 1, 0)));
        output.WriteLine($"step attempts beyond the first (retried transient failures): {retried}");

        // erp: one sales order per quote, holding its two reservations; finance: one invoice per sales order.
        var salesOrders = await integration.AllItemsAsync("/system/erp/v1/sales-orders?tenant=acme&customerAccountId=acc-acme-001");
        var ours = salesOrders.Where(o => quotes.Contains(o.GetProperty("quoteId").GetString())).ToList();
        Assert.Equal(quotes.Length, ours.Count);
        Assert.Equal(quotes.Length, ours.Select(o => o.GetProperty("quoteId").GetString()).Distinct().Count());
        var invoices = await integration.AllItemsAsync("/system/finance/v1/invoices?tenant=acme&accountId=acc-acme-001");
        foreach (var order in orders.Values)
        {
            var salesOrderId = order.Document("salesOrderId");
            Assert.Single(ours, o => o.GetProperty("id").GetString() == salesOrderId);
            Assert.Single(invoices, i => i.GetProperty("salesOrderId").GetString() == salesOrderId);
            Assert.Equal(2, order.Documents("reservationIds").Distinct().Count());
            Assert.Single(order.Documents("subscriptionIds"));
        }
        var reservations = await integration.AllItemsAsync("/system/erp/v1/reservations?sku=MAN-TECH-DOC");
        var ourOrders = ours.Select(o => o.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(quotes.Length, reservations.Count(r => ourOrders.Contains(r.GetProperty("salesOrderId").GetString())));
    }
}
