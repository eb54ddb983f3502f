using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Erp.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>
/// erp's integration events as a subscriber receives them: order status changes, shipments and goods receipts leave
/// through the outbox with the write that made them, and a refused write sends nothing. On SQLite and PostgreSQL.
/// </summary>
public abstract class ErpEventsTests(SystemApiPlatform platform)
{
    private const string Erp = "/system/erp/v1";
    private const string StatusChanged = "erp.sales-order.status-changed.v1";
    private const string ShipmentCreated = "erp.shipment.created.v1";
    private const string GoodsReceiptCreated = "erp.goods-receipt.created.v1";

    [SkippableFact]
    public async Task A_goods_receipt_is_announced_with_its_lines_and_a_refused_one_is_not()
    {
        using var client = await ClientAsync();
        var events = new ErpEventLog(platform);
        var sku = NewSku();
        var po = await (await client.PostJsonAsync($"{Erp}/purchase-orders", PurchaseOrder(sku, 10), "po-" + sku)).AssertJsonAsync(HttpStatusCode.Created);
        var poId = po.GetProperty("id").GetString()!;

        var receipt = await (await client.PostJsonAsync($"{Erp}/goods-receipts", Receipt(poId, 4))).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"{Erp}/goods-receipts", Receipt(poId, 7))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        var received = Assert.Single(await events.AllOfSubjectAsync(poId));
        Assert.Equal(GoodsReceiptCreated, received.GetProperty("type").GetString());
        Assert.Equal("acme", received.GetProperty("tenant").GetString());
        var data = received.GetProperty("data");
        Assert.Equal(receipt.GetProperty("id").GetString(), data.GetProperty("receiptId").GetString());
        Assert.Equal(poId, data.GetProperty("purchaseOrderId").GetString());
        Assert.Equal(receipt.GetProperty("number").GetString(), data.GetProperty("number").GetString());
        var line = Assert.Single(data.GetProperty("lines").EnumerateArray());
        Assert.Equal((1, sku, 4m), (line.GetProperty("purchaseOrderLineNumber").GetInt32(), line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetDecimal()));
        Assert.Equal(("embedded-erp", receipt.GetProperty("number").GetString()), Source(data));
    }

    [SkippableFact]
    public async Task Placing_and_shipping_an_order_announce_each_status_and_the_shipment_and_a_refused_cancel_announces_nothing()
    {
        using var client = await ClientAsync();
        var events = new ErpEventLog(platform);
        var sku = await StockedSkuAsync(client, 10);
        var order = await (await client.PostJsonAsync($"{Erp}/sales-orders", SalesOrder(sku, 6), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;

        var shipment = await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/shipments", new { carrier = "DHL", trackingNumber = "JD0146000012345" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/cancel", new { reason = "Too late" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/shipments", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        var published = await events.AllOfSubjectAsync(orderId);
        Assert.Equal([StatusChanged, ShipmentCreated, StatusChanged], published.Select(e => e.GetProperty("type").GetString()));
        var placed = published[0].GetProperty("data");
        Assert.Equal(orderId, placed.GetProperty("salesOrderId").GetString());
        Assert.Equal("acme", placed.GetProperty("tenant").GetString());
        Assert.Equal("acc-acme-001", placed.GetProperty("customerAccountId").GetString());
        Assert.Equal(JsonValueKind.Null, placed.GetProperty("previousStatus").ValueKind);
        Assert.Equal("Open", placed.GetProperty("status").GetString());
        Assert.Equal(("embedded-erp", order.GetProperty("number").GetString()), Source(placed));
        Assert.True(placed.GetProperty("occurredAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var shipped = published[1].GetProperty("data");
        Assert.Equal(shipment.GetProperty("id").GetString(), shipped.GetProperty("shipmentId").GetString());
        Assert.Equal(orderId, shipped.GetProperty("salesOrderId").GetString());
        Assert.Equal(("DHL", "JD0146000012345"), (shipped.GetProperty("carrier").GetString(), shipped.GetProperty("trackingNumber").GetString()));
        var line = Assert.Single(shipped.GetProperty("lines").EnumerateArray());
        Assert.Equal((sku, 6m), (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetDecimal()));

        var statusChange = published[2].GetProperty("data");
        Assert.Equal(("Open", "Shipped"), (statusChange.GetProperty("previousStatus").GetString(), statusChange.GetProperty("status").GetString()));
        Assert.Equal("acme", published[2].GetProperty("tenant").GetString());
    }

    [SkippableFact]
    public async Task Cancelling_an_order_announces_the_cancellation_with_its_reason_once()
    {
        using var client = await ClientAsync();
        var events = new ErpEventLog(platform);
        var order = await (await client.PostJsonAsync($"{Erp}/sales-orders", SalesOrder(NewSku(), 1), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;

        await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/cancel", new { reason = "Customer withdrew" })).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/cancel", new { reason = "Again" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        var published = await events.AllOfSubjectAsync(orderId);
        Assert.Equal(2, published.Count);
        var cancelled = published[1].GetProperty("data");
        Assert.Equal(StatusChanged, published[1].GetProperty("type").GetString());
        Assert.Equal(("Open", "Cancelled"), (cancelled.GetProperty("previousStatus").GetString(), cancelled.GetProperty("status").GetString()));
        Assert.Equal("Customer withdrew", cancelled.GetProperty("cancellationReason").GetString());
    }

    [SkippableFact]
    public async Task Parallel_creates_with_one_Idempotency_Key_make_one_order_and_answer_it_to_every_caller()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var events = new ErpEventLog(platform);
        var key = Guid.NewGuid().ToString("N");
        var body = SalesOrder(NewSku(), 2);

        var answers = await ParallelPostsAsync("/v1/sales-orders", body, key);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.StatusCode}: {a.Body}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var ids = answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()).Distinct().ToList();
        var id = Assert.Single(ids)!;
        Assert.Single(await events.AllOfSubjectAsync(id));
    }

    [SkippableFact]
    public async Task Parallel_purchase_orders_with_one_Idempotency_Key_make_one_order()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        var sku = NewSku();

        var answers = await ParallelPostsAsync("/v1/purchase-orders", PurchaseOrder(sku, 3), "po-" + sku);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.StatusCode}: {a.Body}"));
        Assert.Single(answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()).Distinct());
    }

    /// <summary>The same POST from eight callers at once, past the gateway (whose own idempotency record would answer duplicates in flight 409).</summary>
    private async Task<(HttpStatusCode StatusCode, string Body)[]> ParallelPostsAsync(string path, object body, string key)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => platform.DirectClientAsync("erp")));
        try
        {
            return await Task.WhenAll(clients.Select(async c =>
            {
                using var response = await c.PostJsonAsync(path, body, key);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<HttpClient> ClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.ClientAsync();
    }

    private static (string?, string?) Source(JsonElement data) =>
        (data.GetProperty("source").GetProperty("system").GetString(), data.GetProperty("source").GetProperty("externalId").GetString());

    private static string NewSku() => $"EVT-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    private static async Task<string> StockedSkuAsync(HttpClient client, decimal quantity)
    {
        var sku = NewSku();
        var order = await (await client.PostJsonAsync($"{Erp}/purchase-orders", PurchaseOrder(sku, quantity), "po-" + sku)).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"{Erp}/goods-receipts", Receipt(order.GetProperty("id").GetString(), quantity))).AssertJsonAsync(HttpStatusCode.Created);
        return sku;
    }

    private static object PurchaseOrder(string sku, decimal quantity) => new
    {
        tenant = "acme", supplierId = "sup-acme-001", currency = "EUR",
        lines = new[] { new { sku, description = "Test part", quantity, unitPrice = new { amount = 125m, currency = "EUR" } } },
    };

    private static object Receipt(string? purchaseOrderId, decimal quantity) => new { purchaseOrderId, lines = new[] { new { purchaseOrderLineNumber = 1, quantity } } };

    private static object SalesOrder(string sku, decimal quantity) => new
    {
        tenant = "acme", customerAccountId = "acc-acme-001", currency = "EUR",
        lines = new[] { new { sku, description = "Test part", quantity, unitPrice = new { amount = 200m, currency = "EUR" }, discountPercent = 0m } },
    };
}

[Collection(ErpCollection.Name)]
public sealed class ErpEventsOnSqliteTests(ErpPlatform platform) : ErpEventsTests(platform);

[Collection(ErpPostgresCollection.Name)]
public sealed class ErpEventsOnPostgresTests(PostgresPlatform platform) : ErpEventsTests(platform);
