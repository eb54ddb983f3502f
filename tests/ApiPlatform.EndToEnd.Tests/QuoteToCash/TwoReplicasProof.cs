using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// Two quote-to-cash replicas on one PostgreSQL database take order requests from the same table: every step runs once,
/// and no order request is run by both at the same time (each step starts after the one before it ended, whichever
/// replica ran it). PostgreSQL only: on the one-machine default there is one replica.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TwoReplicasProof(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Count = 100;

    [SkippableFact]
    public async Task Two_replicas_run_every_step_of_every_order_request_once_and_never_one_together()
    {
        Skip.If(platform.DatabaseProvider != "postgres", "APIPLATFORM_TEST_POSTGRES is not set: replicas share work through PostgreSQL.");
        await platform.Platform.StartReplicaAsync("quote-to-cash");
        using var sales = await platform.SalesAppAsync();
        using var admin = await platform.AdminAsync();
        using var gate = new SemaphoreSlim(8);
        var ids = await Task.WhenAll(Enumerable.Range(0, Count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m)]);
                return (await Orders.OrderAsync(sales, quoteId)).Body.GetProperty("id").GetString()!;
            }
            finally
            {
                gate.Release();
            }
        }));

        var runners = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            Assert.Equal("Completed", (await Orders.WaitForAsync(sales, id, seconds: 180)).Status());
            var instance = await (await admin.GetAsync($"/process/quote-to-cash/workflows/instances/{id}")).AssertJsonAsync(HttpStatusCode.OK);
            var ran = instance.GetProperty("steps").EnumerateArray()
                .Where(s => s.GetProperty("status").GetString() == "Succeeded" && s.GetProperty("phase").GetString() == "Forward")
                .OrderBy(s => s.GetProperty("startedAt").GetDateTimeOffset()).ToList();
            Assert.All(ran, s => Assert.Equal(1, s.GetProperty("attempts").GetInt32()));
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

        output.WriteLine($"{Count} order requests; instances each runner took part in: {string.Join(", ", runners.Values)}");
        Assert.Equal(2, runners.Count);
    }
}
