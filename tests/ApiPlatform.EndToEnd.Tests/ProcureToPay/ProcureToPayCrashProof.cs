using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;
using Xunit.Abstractions;
using static ApiPlatform.EndToEnd.Tests.ProcureToPay.Purchases;

namespace ApiPlatform.EndToEnd.Tests.ProcureToPay;

/// <summary>
/// The platform process — procure-to-pay with it — killed by its PID (SIGKILL) while requisitions place their purchase
/// orders, post their payables and pay, and started again on the same data each time: every requisition ends paid, and
/// ERP and finance hold one purchase order, one payable and one payment per requisition (the re-runs carried the same
/// keys, invoice numbers and payment references). Requests are never in flight at a kill: what is proven is the
/// background work. In the same collection as the shared platform so it never competes with it for the machine.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProcureToPayCrashProof(PlatformFixture platform, ITestOutputHelper output) : IDisposable
{
    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("APIPLATFORM_P2P_CRASH_KILLS"), out var n) ? n : 10;

    private readonly KillablePlatform host = new(platform.DatabaseProvider, new Dictionary<string, string>());

    [Fact]
    public async Task Every_requisition_is_paid_once_with_one_purchase_order_however_often_the_process_api_is_killed()
    {
        var random = new Random(20261206);
        await host.StartAsync();
        var requisitions = new List<(string Id, string Invoice)>();
        var waiting = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            using (var buyer = await host.ClientAsync("integration-app", "integration-secret"))
            {
                // Those submitted before the last kill have their purchase order by now: book their goods and invoice them,
                // so the next kill lands in match, payable or payment; new ones are killed while they place their orders.
                foreach (var id in waiting)
                {
                    await WaitForAsync(buyer, id, "Ordered", seconds: 120);
                    await (await ReceiveAsync(buyer, id, (1, 2m))).AssertJsonAsync(HttpStatusCode.Accepted);
                    var number = Number("CR");
                    await (await InvoiceAsync(buyer, id, number, 19m, null, (1, 2m, 50m))).AssertJsonAsync(HttpStatusCode.Accepted);
                    requisitions.Add((id, number));
                }
                waiting.Clear();
                for (var i = 0; i < 3; i++)
                {
                    waiting.Add(await SubmitAsync(buyer, "general", ("SEAL-KIT", 2m, 50m)));
                }
            }
            await Task.Delay(random.Next(50, 700));
            host.Kill();
            await host.StartAsync();
        }
        using var client = await host.ClientAsync("integration-app", "integration-secret");
        foreach (var id in waiting)
        {
            await WaitForAsync(client, id, "Ordered", seconds: 120);
            await (await ReceiveAsync(client, id, (1, 2m))).AssertJsonAsync(HttpStatusCode.Accepted);
            var number = Number("CR");
            await (await InvoiceAsync(client, id, number, 19m, null, (1, 2m, 50m))).AssertJsonAsync(HttpStatusCode.Accepted);
            requisitions.Add((id, number));
        }

        var rerun = 0;
        var orders = new HashSet<string>();
        foreach (var (id, number) in requisitions)
        {
            var paid = await WaitForAsync(client, id, "Paid", seconds: 120);
            rerun += paid.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("attempts").GetInt32() > 1);
            Assert.True(orders.Add(paid.Document("purchaseOrderId")!));
            var payable = await PayableAsync(client, number);
            Assert.Equal((119m, 119m, "Paid"), (payable.GetProperty("total").GetProperty("amount").GetDecimal(),
                payable.GetProperty("amountPaid").GetProperty("amount").GetDecimal(), payable.GetProperty("status").GetString()));
        }
        // This platform's ERP holds exactly the purchase orders of these requisitions: none was placed twice.
        var all = await client.AllItemsAsync($"/system/erp/v1/purchase-orders?supplierId={Supplier}");
        Assert.Equal(requisitions.Count, all.Count(o => o.GetProperty("status").GetString() != "Cancelled"));
        Assert.Superset(orders, all.Select(o => o.GetProperty("id").GetString()!).ToHashSet());
        output.WriteLine($"{Kills} kills; {requisitions.Count} requisitions paid; steps that ran again after a kill: {rerun}");
    }

    public void Dispose() => host.Dispose();
}
