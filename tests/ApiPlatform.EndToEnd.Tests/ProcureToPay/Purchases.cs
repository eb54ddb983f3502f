using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;

namespace ApiPlatform.EndToEnd.Tests.ProcureToPay;

/// <summary>What the procure-to-pay tests do through the gateway: submit requisitions, book receipts, send invoices, wait for states.</summary>
internal static class Purchases
{
    public const string Process = "/process/procure-to-pay/v1";
    public const string Supplier = "sup-acme-001";

    public static object Line(string sku, decimal quantity, decimal unitPrice) => new { sku, description = sku, quantity, unitPrice };

    /// <summary>Submits a requisition for acme at the sum of its lines; answers its id.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, string category, params (string Sku, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var total = lines.Sum(l => l.Quantity * l.UnitPrice);
        var body = new
        {
            tenant = "acme", description = $"{category} purchase", supplierId = Supplier, category,
            amount = new { amount = total, currency = "EUR" }, lines = lines.Select(l => Line(l.Sku, l.Quantity, l.UnitPrice)).ToArray(),
        };
        var created = await (await Orders.PostAsync(client, $"{Process}/requisitions", body)).AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"{Process}/requisitions/{id}")).AssertJsonAsync(HttpStatusCode.OK);

    public static string Status(this JsonElement requisition) => requisition.GetProperty("status").GetString()!;

    public static string? Document(this JsonElement requisition, string name) =>
        requisition.GetProperty("documents").GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>Polls the requisition until it has <paramref name="status"/> (and <paramref name="also"/> holds) or the time is up.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string id, string status, Func<JsonElement, bool>? also = null, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var requisition = await GetAsync(client, id);
            if (requisition.Status() == status && (also is null || also(requisition)))
            {
                return requisition;
            }
            Assert.True(DateTime.UtcNow < until, $"requisition {id} did not become {status} in {seconds} s: {requisition}");
            await Task.Delay(100);
        }
    }

    // Every POST below goes as a well-behaved client sends it (Orders.PostAsync): one key, sent again after a 429, a 503
    // ("not executed": the idempotency store did not answer in time while a platform restarts) or a 409 in flight.
    public static Task<HttpResponseMessage> DecideAsync(HttpClient approver, string id, string decision, string? comment = null) =>
        Orders.PostAsync(approver, $"{Process}/requisitions/{id}/approval", new { decision, comment });

    public static Task<HttpResponseMessage> ReceiveAsync(HttpClient client, string id, params (int Line, decimal Quantity)[] lines) =>
        Orders.PostAsync(client, $"{Process}/requisitions/{id}/receipts", new { lines = lines.Select(l => new { lineNumber = l.Line, quantity = l.Quantity }).ToArray() });

    /// <summary>Sends the supplier's invoice, due today unless <paramref name="due"/> says otherwise.</summary>
    public static Task<HttpResponseMessage> InvoiceAsync(HttpClient client, string id, string number, decimal tax, DateOnly? due, params (int Line, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Orders.PostAsync(client, $"{Process}/requisitions/{id}/invoices", new
        {
            number, invoiceDate = today, dueDate = due ?? today, tax = new { amount = tax, currency = "EUR" },
            lines = lines.Select(l => new { lineNumber = l.Line, quantity = l.Quantity, unitPrice = l.UnitPrice }).ToArray(),
        });
    }

    public static Task<HttpResponseMessage> ResolveAsync(HttpClient client, string exceptionId, string action, string? comment = null) =>
        Orders.PostAsync(client, $"{Process}/exceptions/{exceptionId}/resolution", new { action, comment });

    public static async Task<JsonElement> ExceptionAsync(HttpClient client, string exceptionId) =>
        await (await client.GetAsync($"{Process}/exceptions/{exceptionId}")).AssertJsonAsync(HttpStatusCode.OK);

    /// <summary>The supplier's invoices with <paramref name="number"/> in finance (there must be one) and what was paid on it.</summary>
    public static async Task<JsonElement> PayableAsync(HttpClient integration, string number)
    {
        var invoices = await integration.AllItemsAsync($"/system/finance/v1/supplier-invoices?tenant=acme&supplierId={Supplier}");
        return Assert.Single(invoices, i => i.GetProperty("supplierInvoiceNumber").GetString() == number);
    }

    public static string Number(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";
}
