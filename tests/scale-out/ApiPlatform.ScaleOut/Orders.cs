using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace ApiPlatform.ScaleOut;

/// <summary>The writes of the proof: approved quotes in crm, each ordered through quote-to-cash, by the API or by the event.</summary>
internal sealed class Orders(Client sales)
{
    private const string Crm = "/system/crm/v1";
    private const string Process = "/process/quote-to-cash/v1";
    private static readonly string[] Terminal = ["Completed", "Rejected", "Failed", "Cancelled", "CompensationFailed", "Shipped", "Paid"];

    /// <summary>Quotes crm answered 201 for (the write happened), with how their order was started.</summary>
    public ConcurrentDictionary<string, bool> Quotes { get; } = new();

    /// <summary>Order requests quote-to-cash answered 202 for, by quote.</summary>
    public ConcurrentDictionary<string, string> Accepted { get; } = new();

    /// <summary>Writes that never succeeded, whatever the retries.</summary>
    public ConcurrentBag<string> Failed { get; } = [];

    public int Approvals;

    /// <summary>One quote made, submitted and approved; ordered by the API, or by quote-to-cash on crm's approval event.</summary>
    public async Task PlaceAsync(bool byEvent)
    {
        string? quoteId = null;
        try
        {
            var lines = new[]
            {
                new { sku = "SPARE-KIT", description = "SPARE-KIT", quantity = 1m, unitPrice = new { amount = 110m, currency = "EUR" }, discountPercent = 0m },
                new { sku = "MAN-TECH-DOC", description = "MAN-TECH-DOC", quantity = 1m, unitPrice = new { amount = 45m, currency = "EUR" }, discountPercent = 0m },
            };
            var quote = await sales.WriteAsync($"{Crm}/quotes",
                new { tenant = "acme", accountId = "acc-acme-001", currency = "EUR", taxRate = 0.19m, orderOnApproval = byEvent, lines },
                // A creation sent again with its key answers the quote it made: 200 instead of 201.
                HttpStatusCode.Created, HttpStatusCode.OK);
            quoteId = quote.GetProperty("id").GetString()!;
            Quotes[quoteId] = byEvent;
            await sales.WriteAsync($"{Crm}/quotes/{quoteId}/submit?tenant=acme", new { }, HttpStatusCode.OK);
            await sales.WriteAsync($"{Crm}/quotes/{quoteId}/approve?tenant=acme", new { }, HttpStatusCode.OK);
            Interlocked.Increment(ref Approvals);
            if (!byEvent)
            {
                var order = await sales.WriteAsync($"{Process}/order-requests", new { quoteId }, HttpStatusCode.Accepted);
                Accepted[quoteId] = order.GetProperty("id").GetString()!;
            }
        }
        catch (InvalidOperationException e)
        {
            Failed.Add($"{quoteId ?? "new quote"}: {e.Message}");
        }
    }

    /// <summary>
    /// Places orders, <paramref name="concurrency"/> at a time, each writer pausing <paramref name="pace"/> after each order,
    /// until <paramref name="stop"/> or <paramref name="count"/>.
    /// </summary>
    public async Task RunAsync(int concurrency, int count, TimeSpan pace, CancellationToken stop)
    {
        var placed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref placed);
                if (n > count)
                {
                    return;
                }
                // Every third quote is ordered by quote-to-cash when it reads crm's approval event.
                await PlaceAsync(byEvent: n % 3 == 0);
                try
                {
                    await Task.Delay(pace, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }));
    }

    /// <summary>The order requests of these quotes, once every one has ended (or the time is up), by quote.</summary>
    public async Task<Dictionary<string, List<JsonElement>>> WaitForEndAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var all = await sales.AllAsync($"{Process}/order-requests");
            var ours = all.Where(o => Quotes.ContainsKey(o.GetProperty("quoteId").GetString()!))
                .GroupBy(o => o.GetProperty("quoteId").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
            var ended = ours.Count == Quotes.Count && ours.Values.All(os => os.All(o => Terminal.Contains(o.GetProperty("status").GetString())));
            if (ended || DateTime.UtcNow > until)
            {
                return ours;
            }
            await Task.Delay(1000);
        }
    }
}
