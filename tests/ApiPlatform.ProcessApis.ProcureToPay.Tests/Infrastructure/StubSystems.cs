using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using Refit;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests.Infrastructure;

/// <summary>
/// ERP and finance as far as a requisition's steps call them (purchase order, supplier invoice, supplier payment),
/// answering through the real typed clients; every request is kept. Finance keeps a payment reference once, as the real one does.
/// </summary>
public sealed class StubSystems(TimeProvider clock) : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentQueue<(string Method, string Path, JsonElement Body)> requests = new();
    private readonly ConcurrentDictionary<string, SupplierPayment> payments = new();
    private int number;

    public IReadOnlyList<JsonElement> Requests(string method, string path) =>
        requests.Where(r => r.Method == method && r.Path == path).Select(r => r.Body).ToList();

    public T Client<T>() => RestService.For<T>(
        new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://systems.test") },
        new RefitSettings(new SystemTextJsonContentSerializer(Json)));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? default : JsonSerializer.Deserialize<JsonElement>(await request.Content.ReadAsStringAsync(cancellationToken));
        var path = request.RequestUri!.AbsolutePath;
        requests.Enqueue((request.Method.Method, path, body));
        var n = Interlocked.Increment(ref number);
        var now = clock.GetUtcNow();
        object? answer = (request.Method.Method, path) switch
        {
            ("POST", "/v1/purchase-orders") => PurchaseOrder(body.Deserialize<CreatePurchaseOrderRequest>(Json)!, n, now),
            ("POST", "/v1/supplier-invoices") => SupplierInvoice(body.Deserialize<RecordSupplierInvoiceRequest>(Json)!, n),
            ("POST", "/v1/supplier-payments") => payments.GetOrAdd(body.GetProperty("reference").GetString()!, _ =>
            {
                var payment = body.Deserialize<RecordSupplierPaymentRequest>(Json)!;
                return new SupplierPayment($"spay-{n}", "acme", payment.SupplierInvoiceId, payment.Amount, payment.Reference, now, new SourceReference("stub", $"{n}"));
            }),
            _ => null,
        };
        return answer is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(JsonSerializer.Serialize(answer, answer.GetType(), Json), Encoding.UTF8, "application/json") };
    }

    private static PurchaseOrder PurchaseOrder(CreatePurchaseOrderRequest order, int n, DateTimeOffset now)
    {
        var lines = order.Lines.Select((l, i) => new PurchaseOrderLine(i + 1, l.Sku, l.Description, l.Quantity, 0m, l.UnitPrice,
            new Money(l.Quantity * l.UnitPrice.Amount, order.Currency))).ToList();
        return new PurchaseOrder($"po-{n}", order.Tenant, $"PO-{n}", order.SupplierId, PurchaseOrderStatus.Open, lines,
            new Money(lines.Sum(l => l.NetAmount.Amount), order.Currency), now, new SourceReference("stub", $"{n}"));
    }

    private static SupplierInvoice SupplierInvoice(RecordSupplierInvoiceRequest invoice, int n)
    {
        var total = new Money(invoice.Net.Amount + invoice.Tax.Amount, invoice.Net.Currency);
        return new SupplierInvoice($"sinv-{n}", invoice.Tenant, invoice.SupplierId, invoice.SupplierInvoiceNumber, invoice.PurchaseOrderId,
            SupplierInvoiceStatus.Open, invoice.Net, invoice.Tax, total, new Money(0m, total.Currency), total, invoice.InvoiceDate, invoice.DueDate,
            new SourceReference("stub", $"{n}"));
    }
}
