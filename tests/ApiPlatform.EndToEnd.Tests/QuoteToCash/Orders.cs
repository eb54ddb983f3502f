using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Contracts;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>What the quote-to-cash tests do through the gateway: make approved quotes in crm, order them, wait for their end.</summary>
internal static class Orders
{
    public const string Process = "/process/quote-to-cash/v1";
    public const string Crm = "/system/crm/v1";

    public static readonly string[] Steps =
        ["load-quote", "erp-customer", "credit-check", "approval", "tax", "reserve-inventory", "sales-order", "crm-contract", "invoice", "billing"];

    public static readonly string[] Terminal = ["Completed", "Rejected", "Failed", "Cancelled", "CompensationFailed", "Shipped", "Paid"];

    public static object Line(string sku, decimal quantity, decimal unitPrice) =>
        new { sku, description = sku, quantity, unitPrice = new { amount = unitPrice, currency = "EUR" }, discountPercent = 0m };

    /// <summary>A new quote of ACME, submitted and approved in crm (by the sales app); answers its id.</summary>
    public static async Task<string> ApprovedQuoteAsync(HttpClient sales, string accountId, object[] lines, bool orderOnApproval = false)
    {
        var quote = await (await PostAsync(sales, $"{Crm}/quotes", new { tenant = "acme", accountId, currency = "EUR", taxRate = 0.19m, orderOnApproval, lines }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = quote.GetProperty("id").GetString()!;
        await (await PostAsync(sales, $"{Crm}/quotes/{id}/submit?tenant=acme", new { })).AssertJsonAsync(HttpStatusCode.OK);
        await (await PostAsync(sales, $"{Crm}/quotes/{id}/approve?tenant=acme", new { })).AssertJsonAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Orders a quote through quote-to-cash under the business transaction <paramref name="correlationId"/>.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> OrderAsync(HttpClient client, string quoteId, string? correlationId = null)
    {
        var response = await PostAsync(client, $"{Process}/order-requests", new { quoteId }, correlationId);
        return (response, await response.AssertJsonAsync(HttpStatusCode.Accepted));
    }

    /// <summary>
    /// A POST as a well-behaved client makes it: one Idempotency-Key for all its attempts, sent again after a 429 (when
    /// its Retry-After says), a 503 ("not executed") or a 409 saying the key's first attempt is still in flight, a few times.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? correlationId = null)
    {
        var key = Key();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add(PlatformHeaders.IdempotencyKey, key);
            if (correlationId is not null)
            {
                request.Headers.Add("X-Correlation-Id", correlationId);
            }
            var response = await client.SendAsync(request);
            if (attempt < 10 && (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                || response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("idempotency-in-flight")))
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * attempt));
                continue;
            }
            return response;
        }
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string orderId) =>
        await (await client.GetAsync($"{Process}/order-requests/{orderId}")).AssertJsonAsync(HttpStatusCode.OK);

    /// <summary>Polls the status resource until <paramref name="done"/> holds (default: a terminal status) or the time is up.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string orderId, Func<JsonElement, bool>? done = null, int seconds = 60)
    {
        done ??= o => Terminal.Contains(o.GetProperty("status").GetString());
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var order = await GetAsync(client, orderId);
            if (done(order))
            {
                return order;
            }
            Assert.True(DateTime.UtcNow < until, $"order request {orderId} did not get there in {seconds} s: {order}");
            await Task.Delay(100);
        }
    }

    public static string Status(this JsonElement order) => order.GetProperty("status").GetString()!;

    public static List<(string Name, string Status)> StepList(this JsonElement order, string property = "steps") =>
        order.GetProperty(property).EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!)).ToList();

    public static string? Document(this JsonElement order, string name) =>
        order.GetProperty("documents").GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static List<string> Documents(this JsonElement order, string name) =>
        order.GetProperty("documents").GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>How many erp sales orders were made from each quote of <paramref name="quoteIds"/> (all pages of the account's orders).</summary>
    public static async Task<Dictionary<string, int>> SalesOrdersPerQuoteAsync(HttpClient integration, string accountId, IReadOnlySet<string> quoteIds)
    {
        var counts = quoteIds.ToDictionary(q => q, _ => 0);
        foreach (var order in await integration.AllItemsAsync($"/system/erp/v1/sales-orders?tenant=acme&customerAccountId={accountId}"))
        {
            if (order.GetProperty("quoteId").GetString() is { } quoteId && counts.ContainsKey(quoteId))
            {
                counts[quoteId]++;
            }
        }
        return counts;
    }

    public static string Key() => Guid.NewGuid().ToString("N");
}
