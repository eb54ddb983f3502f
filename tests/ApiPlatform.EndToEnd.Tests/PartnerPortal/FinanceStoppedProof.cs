using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.PartnerPortal;

/// <summary>
/// Finance stopped, as if its process had died: v2 orders are still served within the part budget, marked
/// <c>unavailable: ["finance"]</c>. A platform of its own (PostgreSQL when the suite runs on it, embedded Garnet and
/// messaging, as the crash proofs use), so that stopping finance leaves the shared platform whole.
/// </summary>
[Collection(FinanceStoppedCollection.Name)]
public sealed class FinanceStoppedProof(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan PartTimeout = TimeSpan.FromSeconds(1);
    private OwnPlatform platform = null!;

    public async Task InitializeAsync() =>
        platform = await OwnPlatform.StartAsync("portal", _ => new()
        {
            ["Workflows:PollInterval"] = "00:00:00.050",
            ["PartnerPortal:PartTimeout"] = PartTimeout.ToString(),
        }, LogLevel.Error);

    [Fact]
    public async Task With_finance_stopped_an_order_is_still_served_in_time_and_marked_finance_unavailable()
    {
        using var acme = await platform.ClientAsync("partner-acme", "acme-secret");
        var placed = await (await PortalV2.OrderAsync(acme, "q-acme-1001")).AssertJsonAsync(HttpStatusCode.Accepted);
        var id = placed.GetProperty("id").GetString()!;
        var whole = await PortalV2.WaitForStageAsync(acme, id, "Invoiced");
        Assert.Single(whole.GetProperty("invoices").EnumerateArray());
        Assert.Empty(whole.Unavailable());

        await platform.Platform.StopServiceAsync("finance");
        var stopwatch = Stopwatch.StartNew();
        var response = await acme.GetAsync($"{PortalV2.V2}/orders/{id}");
        stopwatch.Stop();

        var degraded = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["finance"], degraded.Unavailable());
        Assert.Empty(degraded.GetProperty("invoices").EnumerateArray());
        // Everything the other systems know is still there: the process, its timeline and erp's sales order.
        Assert.Equal("Invoiced", degraded.GetProperty("status").GetString());
        Assert.Equal(whole.GetProperty("timeline").GetArrayLength(), degraded.GetProperty("timeline").GetArrayLength());
        Assert.Equal(whole.GetProperty("salesOrder").GetProperty("number").GetString(), degraded.GetProperty("salesOrder").GetProperty("number").GetString());
        // Within the part budget (plus the call's own work), far inside the route's 30 s timeout.
        Assert.True(stopwatch.Elapsed < PartTimeout + TimeSpan.FromSeconds(2), $"took {stopwatch.ElapsedMilliseconds} ms");
        output.WriteLine($"order with finance stopped: {degraded.GetProperty("unavailable")} in {stopwatch.ElapsedMilliseconds} ms (part budget {PartTimeout.TotalMilliseconds} ms)");

        // A view that is finance alone cannot be partly answered: it is a 503 naming finance, within the same budget.
        foreach (var path in new[] { "balance", "invoices", "invoices/inv-unknown" })
        {
            stopwatch.Restart();
            var answer = await acme.GetAsync($"{PortalV2.V2}/{path}");
            stopwatch.Stop();
            output.WriteLine($"{path} with finance stopped: {(int)answer.StatusCode} in {stopwatch.ElapsedMilliseconds} ms");
            var problem = await answer.AssertJsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith("/problems/upstream-unavailable", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Equal(["finance"], problem.Unavailable());
            Assert.True(stopwatch.Elapsed < PartTimeout + TimeSpan.FromSeconds(2), $"{path} took {stopwatch.ElapsedMilliseconds} ms");
        }
    }

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}

/// <summary>A platform of its own, started while no other platform starts: two picking free ports at once could pick the same.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FinanceStoppedCollection
{
    public const string Name = "finance-stopped-platform";
}
