using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// Two quote-to-cash replicas on one PostgreSQL database take order requests from the same table: every step leaves one
/// document (a step retried after a transient failure carries the same key), and no order request is run by both at the
/// same time (each step starts after the one before it ended, whichever replica ran it). PostgreSQL only: on the
/// one-machine default there is one replica.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TwoReplicasProof(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Count = 100;

    [SkippableFact]
    public async Task Two_replicas_leave_one_document_per_step_of_every_order_request_and_never_run_one_together()
    {
        Skip.If(platform.DatabaseProvider != "postgres", "APIPLATFORM_TEST_POSTGRES is not set: replicas share work through PostgreSQL.");
        await platform.Platform.StartReplicaAsync("quote-to-cash");
        using var sales = await platform.SalesAppAsync();
        using var admin = await platform.AdminAsync();
        using var integration = await platform.IntegrationAppAsync();
        using var gate = new SemaphoreSlim(8);
        var ids = await Task.WhenAll(Enumerable.Range(0, Count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m)]);
                return (Id: (await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!, QuoteId: quoteId);
            }
            finally
            {
                gate.Release();
            }
        }));

        var runners = new Dictionary<string, int>();
        var rerun = 0;
        var quoteIds = new HashSet<string>();
        foreach (var (id, quoteId) in ids)
        {
            quoteIds.Add(quoteId);
            var order = await Orders.WaitForAsync(sales, id, seconds: 180);
            Assert.Equal("Completed", order.Status());
            var salesOrderId = order.Document("salesOrderId")!;
            var reservations = await (await integration.GetAsync($"/system/erp/v1/reservations?salesOrderId={salesOrderId}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Single(reservations.GetProperty("items").EnumerateArray());
            var invoices = await (await integration.GetAsync($"/system/finance/v1/invoices?salesOrderId={salesOrderId}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Single(invoices.GetProperty("items").EnumerateArray());
            var instance = await (await admin.GetAsync($"/process/quote-to-cash/workflows/instances/{id}")).AssertJsonAsync(HttpStatusCode.OK);
            var ran = instance.GetProperty("steps").EnumerateArray()
                .Where(s => s.GetProperty("status").GetString() == "Succeeded" && s.GetProperty("phase").GetString() == "Forward")
                .OrderBy(s => s.GetProperty("startedAt").GetDateTimeOffset()).ToList();
            rerun += ran.Count(s => s.GetProperty("attempts").GetInt32() > 1);
            for (var i = 1; i < ran.Count; i++)
            {
                Assert.True(ran[i].GetProperty("startedAt").GetDateTimeOffset() >= ran[i - 1].GetProperty("completedAt").GetDateTimeOffset(),
                    $"{id}: {ran[i].GetProperty("name")} started before {ran[i - 1].GetProperty("name")} ended");
            }
            foreach (var runner in ran.Select(s => s.GetProperty("runner").GetString()!).Distinct())
            {
                runners[runner] = runners.GetValueOrDefault(runner) + 1;
            }
        }

        output.WriteLine($"{Count} order requests; instances each runner took part in: {string.Join(", ", runners.Values)}; " +
            $"steps retried after a transient failure: {rerun}");
        Assert.Equal(2, runners.Count);
        Assert.All(await Orders.SalesOrdersPerQuoteAsync(integration, "acc-acme-001", quoteIds), q => Assert.Equal(1, q.Value));
    }
}
