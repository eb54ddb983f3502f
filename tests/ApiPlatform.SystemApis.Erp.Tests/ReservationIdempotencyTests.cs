using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Erp.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>
/// Keyed reservations, straight to erp (past the gateway's own idempotency record): the same key for the same tenant
/// answers the same reservation and holds the stock once, however often or however concurrently it is sent.
/// </summary>
public abstract class ReservationIdempotencyTests(SystemApiPlatform platform)
{
    [SkippableFact]
    public async Task A_repeated_keyed_reservation_answers_the_same_reservation_and_holds_stock_once()
    {
        using var client = await DirectClientAsync();
        var sku = await StockedSkuAsync(client, 10);
        var key = Guid.NewGuid().ToString("N");

        var created = await (await client.PostJsonAsync("/v1/reservations", Reservation(sku, 4), key)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await client.PostJsonAsync("/v1/reservations", Reservation(sku, 4), key)).AssertJsonAsync(HttpStatusCode.OK);
        var stock = await StockAsync(client, sku);

        Assert.Equal(created.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal((4m, 6m), (stock.GetProperty("reserved").GetDecimal(), stock.GetProperty("available").GetDecimal()));
        await (await client.PostJsonAsync("/v1/reservations", Reservation(sku, 5), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");
        await (await client.PostJsonAsync("/v1/reservations", Reservation(sku, 1), new string('k', 129))).AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [SkippableFact]
    public async Task A_released_reservation_is_answered_as_released_on_replay_and_a_second_release_changes_nothing()
    {
        using var client = await DirectClientAsync();
        var sku = await StockedSkuAsync(client, 5);
        var key = Guid.NewGuid().ToString("N");

        var created = await (await client.PostJsonAsync("/v1/reservations", Reservation(sku, 5), key)).AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        await (await client.PostAsync($"/v1/reservations/{id}/release", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/v1/reservations/{id}/release", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var replay = await (await client.PostJsonAsync("/v1/reservations", Reservation(sku, 5), key)).AssertJsonAsync(HttpStatusCode.OK);
        var stock = await StockAsync(client, sku);

        Assert.Equal(id, replay.GetProperty("id").GetString());
        Assert.Equal("Released", replay.GetProperty("status").GetString());
        Assert.Equal((0m, 5m), (stock.GetProperty("reserved").GetDecimal(), stock.GetProperty("available").GetDecimal()));
    }

    [SkippableFact]
    public async Task Parallel_identical_keyed_reservations_make_one_reservation()
    {
        using var client = await DirectClientAsync();
        var sku = await StockedSkuAsync(client, 10);

        var id = (await ParallelPosts.SendAsync(platform, "erp", "/v1/reservations", Reservation(sku, 7), Guid.NewGuid().ToString("N"))).AssertOneRecord();

        var listed = await (await client.GetAsync($"/v1/reservations?sku={sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(7m, (await StockAsync(client, sku)).GetProperty("reserved").GetDecimal());
    }

    private async Task<HttpClient> DirectClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.DirectClientAsync("erp");
    }

    /// <summary>A SKU of this test's own, with <paramref name="quantity"/> received into Stuttgart.</summary>
    private static async Task<string> StockedSkuAsync(HttpClient client, decimal quantity)
    {
        var sku = $"TEST-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var order = await (await client.PostJsonAsync("/v1/purchase-orders", new
        {
            tenant = "acme", supplierId = "sup-acme-001", currency = "EUR",
            lines = new[] { new { sku, description = "Test part", quantity, unitPrice = new { amount = 125m, currency = "EUR" } } },
        }, "po-" + sku)).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/v1/goods-receipts", new
        {
            purchaseOrderId = order.GetProperty("id").GetString(), lines = new[] { new { purchaseOrderLineNumber = 1, quantity } },
        })).AssertJsonAsync(HttpStatusCode.Created);
        return sku;
    }

    private static async Task<JsonElement> StockAsync(HttpClient client, string sku) =>
        (await (await client.GetAsync($"/v1/inventory/{sku}")).AssertJsonAsync(HttpStatusCode.OK))[0];

    private static object Reservation(string sku, decimal quantity) => new { tenant = "acme", sku, quantity, holdMinutes = 30 };
}

[Collection(ErpCollection.Name)]
public sealed class ReservationIdempotencyOnSqliteTests(ErpPlatform platform) : ReservationIdempotencyTests(platform);

[Collection(ErpPostgresCollection.Name)]
public sealed class ReservationIdempotencyOnPostgresTests(PostgresPlatform platform) : ReservationIdempotencyTests(platform);
