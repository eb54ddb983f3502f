using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;
using static ApiPlatform.EndToEnd.Tests.ProcureToPay.Purchases;

namespace ApiPlatform.EndToEnd.Tests.ProcureToPay;

/// <summary>
/// Each kind of three-way-match exception (price, quantity, a line not on the order, the total) and each resolution
/// (accept, wait for a further receipt, reject for a corrected invoice), every one audited; in the end each supplier
/// invoice is posted and paid exactly once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ThreeWayMatchExceptionTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_price_over_the_tolerance_is_accepted_by_an_exception_approver_only_and_then_paid()
    {
        using var buyer = await platform.IntegrationAppAsync();
        using var procurement = await platform.ProcurementAppAsync();
        using var finance = await platform.FinanceAppAsync();
        var id = await OrderedAsync(buyer, ("PUMP-H2", 4m, 150m));
        await (await ReceiveAsync(buyer, id, (1, 4m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var number = Number("HN");

        await (await InvoiceAsync(buyer, id, number, 0m, null, (1, 4m, 157.5m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var exceptionId = (await WaitForAsync(buyer, id, "Exception")).GetProperty("exceptionId").GetString()!;
        var exception = await ExceptionAsync(buyer, exceptionId);
        Assert.Equal(["price", "total"], Reasons(exception));
        Assert.Equal(("Open", number, id), (exception.GetProperty("status").GetString(), exception.GetProperty("invoiceNumber").GetString(),
            exception.GetProperty("requisitionId").GetString()));
        var line = Assert.Single(exception.GetProperty("lines").EnumerateArray());
        Assert.Equal((600m, 630m), (line.GetProperty("expectedAmount").GetDecimal(), line.GetProperty("invoicedAmount").GetDecimal()));
        var listed = await buyer.AllItemsAsync($"{Process}/exceptions?reason=price&status=Open&supplierId={Supplier}");
        Assert.Contains(listed, e => e.GetProperty("id").GetString() == exceptionId);

        await (await ResolveAsync(procurement, exceptionId, "accept", "Fine")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ResolveAsync(finance, exceptionId, "accept", "Agreed surcharge for express delivery")).AssertJsonAsync(HttpStatusCode.OK);
        await WaitForAsync(buyer, id, "Paid");

        var resolved = await ExceptionAsync(buyer, exceptionId);
        Assert.Equal("Accepted", resolved.GetProperty("status").GetString());
        var resolution = Assert.Single(resolved.GetProperty("resolutions").EnumerateArray());
        Assert.Equal(("accept", "finance-app", "Agreed surcharge for express delivery"),
            (resolution.GetProperty("action").GetString(), resolution.GetProperty("by").GetString(), resolution.GetProperty("comment").GetString()));
        await (await ResolveAsync(finance, exceptionId, "accept", "Again")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(630m, (await PayableAsync(buyer, number)).GetProperty("amountPaid").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task An_invoice_ahead_of_the_goods_waits_for_the_further_receipt_that_makes_it_match()
    {
        using var buyer = await platform.IntegrationAppAsync();
        var id = await OrderedAsync(buyer, ("SEAL-KIT", 10m, 50m));
        await (await ReceiveAsync(buyer, id, (1, 6m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var number = Number("HN");

        await (await InvoiceAsync(buyer, id, number, 95m, null, (1, 10m, 50m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var exceptionId = (await WaitForAsync(buyer, id, "Exception")).GetProperty("exceptionId").GetString()!;
        Assert.Equal(["quantity", "total"], Reasons(await ExceptionAsync(buyer, exceptionId)));
        await (await ResolveAsync(buyer, exceptionId, "wait-for-receipt")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("WaitingForReceipt", (await ExceptionAsync(buyer, exceptionId)).GetProperty("status").GetString());
        await (await ReceiveAsync(buyer, id, (1, 4m))).AssertJsonAsync(HttpStatusCode.Accepted);
        await WaitForAsync(buyer, id, "Paid");

        var resolved = await ExceptionAsync(buyer, exceptionId);
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(["wait-for-receipt"], resolved.GetProperty("resolutions").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(595m, (await PayableAsync(buyer, number)).GetProperty("amountPaid").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_line_not_on_the_order_is_rejected_and_the_corrected_invoice_is_matched_and_paid_while_the_rejected_one_never_is()
    {
        using var buyer = await platform.IntegrationAppAsync();
        var id = await OrderedAsync(buyer, ("PUMP-H2", 2m, 150m));
        await (await ReceiveAsync(buyer, id, (1, 2m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var wrong = Number("HN");

        await (await InvoiceAsync(buyer, id, wrong, 0m, null, (1, 2m, 150m), (9, 1m, 0.5m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var exceptionId = (await WaitForAsync(buyer, id, "Exception")).GetProperty("exceptionId").GetString()!;
        Assert.Equal(["line"], Reasons(await ExceptionAsync(buyer, exceptionId)));
        await (await ResolveAsync(buyer, exceptionId, "reject", "Freight is included in the price")).AssertJsonAsync(HttpStatusCode.OK);
        await WaitForAsync(buyer, id, "Exception", r => r.GetProperty("invoice").ValueKind == JsonValueKind.Null);
        await (await InvoiceAsync(buyer, id, wrong, 0m, null, (1, 2m, 150m))).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var corrected = Number("HN");
        await (await InvoiceAsync(buyer, id, corrected, 57m, null, (1, 2m, 150m))).AssertJsonAsync(HttpStatusCode.Accepted);
        await WaitForAsync(buyer, id, "Paid");

        Assert.Equal(357m, (await PayableAsync(buyer, corrected)).GetProperty("amountPaid").GetProperty("amount").GetDecimal());
        var none = await buyer.AllItemsAsync($"/system/finance/v1/supplier-invoices?tenant=acme&supplierId={Supplier}");
        Assert.DoesNotContain(none, i => i.GetProperty("supplierInvoiceNumber").GetString() == wrong);
        Assert.Equal("Resolved", (await ExceptionAsync(buyer, exceptionId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_total_off_by_more_than_the_tolerance_is_an_exception_even_when_each_price_is_within_its_own()
    {
        using var buyer = await platform.IntegrationAppAsync();
        var id = await OrderedAsync(buyer, ("SEAL-KIT", 100m, 5m));
        await (await ReceiveAsync(buyer, id, (1, 100m))).AssertJsonAsync(HttpStatusCode.Accepted);

        // 5.05 is +1 % (within 2 %), but 100 × 0.05 = 5.00 over the order: more than the total's 1.00.
        await (await InvoiceAsync(buyer, id, Number("HN"), 0m, null, (1, 100m, 5.05m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var exceptionId = (await WaitForAsync(buyer, id, "Exception")).GetProperty("exceptionId").GetString()!;

        Assert.Equal(["total"], Reasons(await ExceptionAsync(buyer, exceptionId)));
        var byReason = await buyer.AllItemsAsync($"{Process}/exceptions?reason=total");
        Assert.Contains(byReason, e => e.GetProperty("id").GetString() == exceptionId);
        var byPrice = await buyer.AllItemsAsync($"{Process}/exceptions?reason=price");
        Assert.DoesNotContain(byPrice, e => e.GetProperty("id").GetString() == exceptionId);
        await (await buyer.GetAsync($"{Process}/exceptions?reason=colour")).AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    private static async Task<string> OrderedAsync(HttpClient buyer, params (string Sku, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var id = await SubmitAsync(buyer, "general", lines);
        await WaitForAsync(buyer, id, "Ordered");
        return id;
    }

    private static List<string> Reasons(JsonElement exception) =>
        exception.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
}
