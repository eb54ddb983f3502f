using System.Net;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;
using static ApiPlatform.EndToEnd.Tests.ProcureToPay.Purchases;

namespace ApiPlatform.EndToEnd.Tests.ProcureToPay;

/// <summary>
/// Procure-to-pay through the gateway on the whole platform: approval by policy, a purchase order in ERP, goods
/// receipts (through the API and booked in ERP directly), the supplier's invoice matched three ways, the payable posted
/// and the supplier paid once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProcureToPayFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_auto_approved_requisition_is_ordered_received_in_parts_invoiced_matched_and_paid_once()
    {
        using var buyer = await platform.IntegrationAppAsync();
        var id = await SubmitAsync(buyer, "general", ("PUMP-H2", 4m, 150m), ("SEAL-KIT", 5m, 50m));

        var ordered = await WaitForAsync(buyer, id, "Ordered");
        Assert.Equal(0, ordered.GetProperty("approval").GetProperty("requiredLevels").GetInt32());
        var orderId = ordered.Document("purchaseOrderId")!;
        var order = await (await buyer.GetAsync($"/system/erp/v1/purchase-orders/{orderId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["PUMP-H2", "SEAL-KIT"], order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));

        // Part through this API, the rest booked in ERP directly: its event reaches the requisition.
        await (await ReceiveAsync(buyer, id, (1, 4m), (2, 2m))).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await buyer.PostJsonAsync("/system/erp/v1/goods-receipts",
            new { purchaseOrderId = orderId, lines = new[] { new { purchaseOrderLineNumber = 2, quantity = 3m } } })).AssertJsonAsync(HttpStatusCode.Created);
        await WaitForAsync(buyer, id, "Ordered", r => r.GetProperty("receipts").GetArrayLength() == 2);

        var number = Number("HN");
        await (await InvoiceAsync(buyer, id, number, 152m, null, (1, 4m, 150m), (2, 5m, 50m))).AssertJsonAsync(HttpStatusCode.Accepted);
        var paid = await WaitForAsync(buyer, id, "Paid");

        Assert.Equal([4m, 5m], paid.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("received").GetDecimal()));
        Assert.Null(paid.GetProperty("exceptionId").GetString());
        var payable = await PayableAsync(buyer, number);
        Assert.Equal(paid.Document("supplierInvoiceId"), payable.GetProperty("id").GetString());
        Assert.Equal((1002m, 1002m, 0m, "Paid"), (payable.GetProperty("total").GetProperty("amount").GetDecimal(),
            payable.GetProperty("amountPaid").GetProperty("amount").GetDecimal(), payable.GetProperty("amountDue").GetProperty("amount").GetDecimal(),
            payable.GetProperty("status").GetString()));
        Assert.Equal(orderId, payable.GetProperty("purchaseOrderId").GetString());
    }

    [Fact]
    public async Task One_and_two_approval_levels_follow_the_policy_and_record_who_decided_what()
    {
        using var buyer = await platform.IntegrationAppAsync();
        using var procurement = await platform.ProcurementAppAsync();
        using var finance = await platform.FinanceAppAsync();

        var one = await SubmitAsync(buyer, "general", ("PUMP-H2", 10m, 250m));
        await WaitForAsync(buyer, one, "AwaitingApproval");
        await (await DecideAsync(finance, one, "approve")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DecideAsync(procurement, one, "approve", "Stock is low")).AssertJsonAsync(HttpStatusCode.Accepted);
        var first = await WaitForAsync(buyer, one, "Ordered");
        Assert.Equal(1, first.GetProperty("approval").GetProperty("requiredLevels").GetInt32());

        var two = await SubmitAsync(buyer, "general", ("ROBOT-ARM-X", 1m, 12_000m));
        await WaitForAsync(buyer, two, "AwaitingApproval");
        await (await DecideAsync(procurement, two, "approve", "Replacement arm")).AssertJsonAsync(HttpStatusCode.Accepted);
        var second = await WaitForAsync(buyer, two, "AwaitingApproval", r => r.GetProperty("approval").GetProperty("decisions").GetArrayLength() == 1);
        Assert.True(second.GetProperty("approval").GetProperty("deadline").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        // Nobody approves two levels of one requisition.
        await (await DecideAsync(procurement, two, "approve")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DecideAsync(finance, two, "approve", "Budgeted")).AssertJsonAsync(HttpStatusCode.Accepted);
        var approved = await WaitForAsync(buyer, two, "Ordered");

        var decisions = approved.GetProperty("approval").GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal([(1, "procurement-app", "Replacement arm"), (2, "finance-app", "Budgeted")],
            decisions.Select(d => (d.GetProperty("level").GetInt32(), d.GetProperty("decidedBy").GetString(), d.GetProperty("comment").GetString())));
        Assert.All(decisions, d => Assert.Equal("approve", d.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task A_rejected_or_expired_approval_ends_the_requisition_without_a_purchase_order()
    {
        using var buyer = await platform.IntegrationAppAsync();
        using var procurement = await platform.ProcurementAppAsync();

        var rejected = await SubmitAsync(buyer, "general", ("PUMP-H2", 10m, 250m));
        await WaitForAsync(buyer, rejected, "AwaitingApproval");
        await (await DecideAsync(procurement, rejected, "reject", "Buy from the framework contract")).AssertJsonAsync(HttpStatusCode.Accepted);
        var refused = await WaitForAsync(buyer, rejected, "Rejected");
        Assert.Contains("Buy from the framework contract", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // "rush" gives its approver two seconds (this platform's setting).
        var expiring = await SubmitAsync(buyer, "rush", ("PUMP-H2", 1m, 150m));
        var expired = await WaitForAsync(buyer, expiring, "Rejected", seconds: 30);
        Assert.EndsWith("the requisition expired.", expired.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await (await DecideAsync(procurement, expiring, "approve")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.All(new[] { refused, expired }, r => Assert.Null(r.Document("purchaseOrderId")));
    }

    [Fact]
    public async Task A_requisition_withdrawn_before_any_receipt_cancels_its_purchase_order_but_received_goods_keep_it()
    {
        using var buyer = await platform.IntegrationAppAsync();
        var withdrawn = await SubmitAsync(buyer, "general", ("SEAL-KIT", 2m, 50m));
        var ordered = await WaitForAsync(buyer, withdrawn, "Ordered");
        var orderId = ordered.Document("purchaseOrderId");

        await (await buyer.PostJsonAsync($"{Process}/requisitions/{withdrawn}/withdrawal", new { reason = "Project stopped" }, Orders.Key()))
            .AssertJsonAsync(HttpStatusCode.Accepted);
        var ended = await WaitForAsync(buyer, withdrawn, "Withdrawn");
        var order = await (await buyer.GetAsync($"/system/erp/v1/purchase-orders/{orderId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.Equal(["purchase-order"], ended.GetProperty("compensations").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var kept = await SubmitAsync(buyer, "general", ("SEAL-KIT", 2m, 50m));
        await WaitForAsync(buyer, kept, "Ordered");
        await (await ReceiveAsync(buyer, kept, (1, 1m))).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await buyer.PostJsonAsync($"{Process}/requisitions/{kept}/withdrawal", new { reason = "Too late" }, Orders.Key()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Requisitions_are_scoped_to_their_tenant_and_bad_input_is_a_problem()
    {
        using var buyer = await platform.IntegrationAppAsync();
        var id = await SubmitAsync(buyer, "general", ("SEAL-KIT", 1m, 50m));

        var globex = await buyer.AllItemsAsync($"{Process}/requisitions?tenant=globex");
        var acme = await buyer.AllItemsAsync($"{Process}/requisitions?tenant=acme");
        Assert.DoesNotContain(globex, r => r.GetProperty("id").GetString() == id);
        Assert.Contains(acme, r => r.GetProperty("id").GetString() == id);

        // No tenant (the caller's token names none), lines that do not add up to the amount, a negative quantity.
        await (await buyer.PostJsonAsync($"{Process}/requisitions", new { description = "x", supplierId = Supplier, amount = new { amount = 10m, currency = "EUR" } }, Orders.Key()))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await buyer.PostJsonAsync($"{Process}/requisitions", new
        {
            tenant = "acme", description = "x", supplierId = Supplier, amount = new { amount = 10m, currency = "EUR" }, lines = new[] { Line("A", 1m, 9m) },
        }, Orders.Key())).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await buyer.PostJsonAsync($"{Process}/requisitions", new
        {
            tenant = "acme", description = "x", supplierId = Supplier, amount = new { amount = 10m, currency = "EUR" }, lines = new[] { Line("A", -1m, -10m) },
        }, Orders.Key())).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await buyer.GetAsync($"{Process}/requisitions/pr-unknown")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
