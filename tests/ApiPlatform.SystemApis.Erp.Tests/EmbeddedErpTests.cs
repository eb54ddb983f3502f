using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Erp.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>The embedded reference ERP through the gateway; run on SQLite and, when a server is given, on PostgreSQL. Each test stocks its own SKU.</summary>
public abstract class EmbeddedErpTests(SystemApiPlatform platform)
{
    private const string Erp = "/system/erp/v1";

    [SkippableFact]
    public async Task Products_and_the_price_lists_a_tenant_may_see()
    {
        using var client = await ClientAsync();

        var products = await (await client.GetAsync($"{Erp}/products?search=SRV")).AssertJsonAsync(HttpStatusCode.OK);
        var pump = await (await client.GetAsync($"{Erp}/products/IND-PUMP-200")).AssertJsonAsync(HttpStatusCode.OK);
        var acmeLists = await (await client.GetAsync($"{Erp}/price-lists?tenant=acme&currency=EUR")).AssertJsonAsync(HttpStatusCode.OK);
        var globexLists = await (await client.GetAsync($"{Erp}/price-lists?tenant=globex")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(products.GetProperty("total").GetInt32() >= 2);
        Assert.Equal("STANDARD", pump.GetProperty("taxCode").GetString());
        Assert.Equal(["pl-acme-contract", "pl-eur-2026"], acmeLists.EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.DoesNotContain("pl-acme-contract", globexLists.EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        await (await client.GetAsync($"{Erp}/products/NOPE")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task Procurement_receives_goods_into_stock_and_refuses_more_than_ordered()
    {
        using var client = await ClientAsync();
        using var direct = await platform.DirectClientAsync("erp");
        var sku = NewSku();
        var order = await (await client.PostJsonAsync($"{Erp}/purchase-orders", PurchaseOrder(sku, 10), "po-" + sku)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await direct.PostJsonAsync("/v1/purchase-orders", PurchaseOrder(sku, 10), "po-" + sku)).AssertJsonAsync(HttpStatusCode.OK);
        var id = order.GetProperty("id").GetString();

        var partial = await (await direct.PostJsonAsync("/v1/goods-receipts", Receipt(id, 4), "gr-" + sku)).AssertJsonAsync(HttpStatusCode.Created);
        // ERP itself books a receipt once per client and key (a retry whose edge record is gone): a repeat answers the first.
        var booked = await (await direct.PostJsonAsync("/v1/goods-receipts", Receipt(id, 4), "gr-" + sku)).AssertJsonAsync(HttpStatusCode.OK);
        await (await direct.PostJsonAsync("/v1/goods-receipts", Receipt(id, 5), "gr-" + sku)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await client.PostJsonAsync($"{Erp}/goods-receipts", Receipt(id, 7))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        var afterPartial = await (await client.GetAsync($"{Erp}/purchase-orders/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync($"{Erp}/goods-receipts", Receipt(id, 6))).AssertJsonAsync(HttpStatusCode.Created);
        var received = await (await client.GetAsync($"{Erp}/purchase-orders/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(id, replay.GetProperty("id").GetString());
        Assert.Equal(partial.GetProperty("id").GetString(), booked.GetProperty("id").GetString());
        Assert.Equal(4m, afterPartial.GetProperty("lines")[0].GetProperty("receivedQuantity").GetDecimal());
        Assert.Equal(1_250m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("DE-STR", partial.GetProperty("warehouse").GetString());
        Assert.Equal("PartiallyReceived", afterPartial.GetProperty("status").GetString());
        Assert.Equal("Received", received.GetProperty("status").GetString());
        Assert.Equal(10m, (await StockAsync(client, sku)).GetProperty("onHand").GetDecimal());
        await (await client.PostAsync($"{Erp}/purchase-orders/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [SkippableFact]
    public async Task Reservations_hold_stock_never_more_than_is_available_and_give_it_back_on_release()
    {
        using var client = await ClientAsync();
        var sku = await StockedSkuAsync(client, 10);

        var held = await (await client.PostJsonAsync($"{Erp}/reservations", Reservation(sku, 7))).AssertJsonAsync(HttpStatusCode.Created);
        var tooMuch = await client.PostJsonAsync($"{Erp}/reservations", Reservation(sku, 4));
        var during = await StockAsync(client, sku);
        var released = await (await client.PostAsync($"{Erp}/reservations/{held.GetProperty("id").GetString()}/release", null)).AssertJsonAsync(HttpStatusCode.OK);
        var after = await StockAsync(client, sku);

        await tooMuch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal((7m, 3m), (during.GetProperty("reserved").GetDecimal(), during.GetProperty("available").GetDecimal()));
        Assert.Equal("Released", released.GetProperty("status").GetString());
        Assert.Equal(10m, after.GetProperty("available").GetDecimal());
        await (await client.PostAsync($"{Erp}/reservations/{held.GetProperty("id").GetString()}/release", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [SkippableFact]
    public async Task Fulfilment_ships_an_order_from_its_reservations_and_stock_never_goes_negative()
    {
        using var client = await ClientAsync();
        var sku = await StockedSkuAsync(client, 10);
        var order = await (await client.PostJsonAsync($"{Erp}/sales-orders", SalesOrder(sku, 6), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString();
        await (await client.PostJsonAsync($"{Erp}/reservations", Reservation(sku, 6, orderId))).AssertJsonAsync(HttpStatusCode.Created);
        var tooBig = await (await client.PostJsonAsync($"{Erp}/sales-orders", SalesOrder(sku, 5), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);

        var shipment = await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/shipments", new { carrier = "DHL", trackingNumber = "JD0146000012345" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"{Erp}/sales-orders/{tooBig.GetProperty("id").GetString()}/shipments", new { }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        var status = await (await client.GetAsync($"{Erp}/sales-orders/{orderId}/status")).AssertJsonAsync(HttpStatusCode.OK);
        var stock = await StockAsync(client, sku);

        Assert.Equal(6m, shipment.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal("Shipped", status.GetProperty("status").GetString());
        Assert.Single(status.GetProperty("shipments").EnumerateArray());
        Assert.Equal((4m, 0m, 4m), (stock.GetProperty("onHand").GetDecimal(), stock.GetProperty("reserved").GetDecimal(), stock.GetProperty("available").GetDecimal()));
        await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/cancel", new { reason = "Too late" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [SkippableFact]
    public async Task Cancelling_an_order_releases_its_reservations()
    {
        using var client = await ClientAsync();
        var sku = await StockedSkuAsync(client, 5);
        var order = await (await client.PostJsonAsync($"{Erp}/sales-orders", SalesOrder(sku, 5), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString();
        await (await client.PostJsonAsync($"{Erp}/reservations", Reservation(sku, 5, orderId))).AssertJsonAsync(HttpStatusCode.Created);

        var cancelled = await (await client.PostJsonAsync($"{Erp}/sales-orders/{orderId}/cancel", new { reason = "Customer withdrew" })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("Customer withdrew", cancelled.GetProperty("cancellationReason").GetString());
        Assert.Equal(5m, (await StockAsync(client, sku)).GetProperty("available").GetDecimal());
        var listed = await (await client.GetAsync($"{Erp}/sales-orders?status=Cancelled&customerAccountId=acc-acme-001&limit=200")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(orderId, listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [SkippableFact]
    public async Task A_crm_account_becomes_one_customer_however_often_it_is_synchronized()
    {
        using var client = await ClientAsync();
        var account = $"acc-acme-{Guid.NewGuid():N}"[..40];
        var body = new { tenant = "acme", crmAccountId = account, name = "ACME Robotics GmbH", country = "DE", currency = "EUR",
            billingAddress = new { line1 = "Robotweg 1", city = "München", postalCode = "80331", region = "BY", country = "DE" } };

        var created = await (await client.PostJsonAsync($"{Erp}/customers", body)).AssertJsonAsync(HttpStatusCode.Created);
        var again = await (await client.PostJsonAsync($"{Erp}/customers", body with { })).AssertJsonAsync(HttpStatusCode.OK);
        var found = await (await client.GetAsync($"{Erp}/customers?crmAccountId={account}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(created.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("München", created.GetProperty("billingAddress").GetProperty("city").GetString());
    }

    private async Task<HttpClient> ClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.ClientAsync();
    }

    private static string NewSku() => $"TEST-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    /// <summary>A SKU of this test's own, with <paramref name="quantity"/> received into Stuttgart.</summary>
    private static async Task<string> StockedSkuAsync(HttpClient client, decimal quantity)
    {
        var sku = NewSku();
        var order = await (await client.PostJsonAsync($"{Erp}/purchase-orders", PurchaseOrder(sku, quantity), "po-" + sku)).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"{Erp}/goods-receipts", Receipt(order.GetProperty("id").GetString(), quantity))).AssertJsonAsync(HttpStatusCode.Created);
        return sku;
    }

    private static async Task<JsonElement> StockAsync(HttpClient client, string sku) =>
        (await (await client.GetAsync($"{Erp}/inventory/{sku}")).AssertJsonAsync(HttpStatusCode.OK))[0];

    private static object PurchaseOrder(string sku, decimal quantity) => new
    {
        tenant = "acme", supplierId = "sup-acme-001", currency = "EUR",
        lines = new[] { new { sku, description = "Test part", quantity, unitPrice = new { amount = 125m, currency = "EUR" } } },
    };

    private static object Receipt(string? purchaseOrderId, decimal quantity) => new { purchaseOrderId, lines = new[] { new { purchaseOrderLineNumber = 1, quantity } } };

    private static object Reservation(string sku, decimal quantity, string? salesOrderId = null) => new { tenant = "acme", sku, quantity, salesOrderId, holdMinutes = 30 };

    private static object SalesOrder(string sku, decimal quantity) => new
    {
        tenant = "acme", customerAccountId = "acc-acme-001", currency = "EUR",
        lines = new[] { new { sku, description = "Test part", quantity, unitPrice = new { amount = 200m, currency = "EUR" }, discountPercent = 0m } },
    };
}

[Collection(ErpCollection.Name)]
public sealed class EmbeddedErpOnSqliteTests(ErpPlatform platform) : EmbeddedErpTests(platform);

[Collection(ErpPostgresCollection.Name)]
public sealed class EmbeddedErpOnPostgresTests(PostgresPlatform platform) : EmbeddedErpTests(platform);
