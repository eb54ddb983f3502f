using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>The whole quote-to-cash chain through the gateway, checked in the status resource and in the systems of record.</summary>
[Collection(PlatformCollection.Name)]
public sealed class QuoteToCashFlowTests(PlatformFixture platform)
{
    private const string Erp = "/system/erp/v1";
    private const string Finance = "/system/finance/v1";

    [Fact]
    public async Task An_order_over_the_credit_waits_for_approval_then_completes_ships_and_is_paid()
    {
        using var sales = await platform.SalesAppAsync();
        using var financeApp = await platform.FinanceAppAsync();
        using var integration = await platform.IntegrationAppAsync();
        // acc-acme-003 has 80,000 EUR of credit: two robot arms are over it.
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-003", [Orders.Line("ROBOT-ARM-X", 2, 48_500m), Orders.Line("MAN-TECH-DOC", 2, 45m)]);

        var (response, accepted) = await Orders.OrderAsync(sales, quoteId);
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal($"/process/quote-to-cash/v1/order-requests/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(Orders.Steps, accepted.StepList().Select(s => s.Name));

        var waiting = await Orders.WaitForAsync(sales, id, o => o.Status() == "AwaitingApproval");
        Assert.Equal("approval", waiting.GetProperty("currentStep").GetString());
        Assert.True(waiting.GetProperty("approval").GetProperty("required").GetBoolean());
        Assert.True(waiting.GetProperty("approval").GetProperty("deadline").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        // A partner cannot approve (not subscribed to the process API); a caller without the approver role cannot either.
        using var acme = await platform.AcmeAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await acme.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "approve" }, Orders.Key())).StatusCode);
        await (await sales.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "approve" }, Orders.Key()))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await (await financeApp.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "approve", comment = "Known customer" }, Orders.Key()))
            .AssertJsonAsync(HttpStatusCode.Accepted);
        var completed = await Orders.WaitForAsync(sales, id);
        Assert.Equal("Completed", completed.Status());
        Assert.Equal("finance-app", completed.GetProperty("approval").GetProperty("decidedBy").GetString());
        Assert.Equal("approve", completed.GetProperty("approval").GetProperty("decision").GetString());
        Assert.All(completed.StepList(), s => Assert.Contains(s.Status, new[] { "Succeeded", "Skipped" }));
        Assert.Equal("Succeeded", completed.StepList().Single(s => s.Name == "billing").Status);
        Assert.Empty(completed.GetProperty("compensations").EnumerateArray());
        // A late decision changes nothing.
        await (await financeApp.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "reject", comment = "Too late" }, Orders.Key()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        // Each system of record holds exactly one document per step.
        var salesOrderId = completed.Document("salesOrderId")!;
        var orders = await integration.AllItemsAsync($"{Erp}/sales-orders?tenant=acme&customerAccountId=acc-acme-003");
        Assert.Single(orders, o => o.GetProperty("quoteId").GetString() == quoteId);
        var invoices = await (await integration.GetAsync($"{Finance}/invoices?tenant=acme&salesOrderId={salesOrderId}")).AssertJsonAsync(HttpStatusCode.OK);
        var invoice = Assert.Single(invoices.GetProperty("items").EnumerateArray());
        Assert.Equal(completed.Document("invoiceId"), invoice.GetProperty("id").GetString());
        var quote = await (await sales.GetAsync($"{Orders.Crm}/quotes/{quoteId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Accepted", quote.GetProperty("status").GetString());
        Assert.Equal(2, completed.Documents("reservationIds").Count);
        Assert.Single(completed.Documents("subscriptionIds"));
        foreach (var reservation in completed.Documents("reservationIds"))
        {
            var held = await (await integration.GetAsync($"{Erp}/reservations/{reservation}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(salesOrderId, held.GetProperty("salesOrderId").GetString());
        }

        // The order ships in erp, and is paid in finance: the order request follows both events.
        await (await integration.PostJsonAsync($"{Erp}/sales-orders/{salesOrderId}/shipments", new { carrier = "DHL", trackingNumber = "JD014600" }, Orders.Key()))
            .AssertJsonAsync(HttpStatusCode.Created);
        var shipped = await Orders.WaitForAsync(sales, id, o => o.Status() == "Shipped");
        Assert.Single(shipped.GetProperty("shipments").EnumerateArray());
        foreach (var reservation in completed.Documents("reservationIds"))
        {
            var consumed = await (await integration.GetAsync($"{Erp}/reservations/{reservation}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Consumed", consumed.GetProperty("status").GetString());
        }

        var total = invoice.GetProperty("total");
        await (await integration.PostJsonAsync($"{Finance}/payments", new
        {
            tenant = "acme", accountId = "acc-acme-003", amount = total, method = "bank-transfer", reference = "RF18 5390 0754 7034",
            applications = new[] { new { invoiceId = invoice.GetProperty("id").GetString(), amount = total } },
        }, Orders.Key())).AssertJsonAsync(HttpStatusCode.Created);
        var paid = await Orders.WaitForAsync(sales, id, o => o.Status() == "Paid");
        Assert.Equal(total.GetProperty("amount").GetDecimal(), paid.GetProperty("amountPaid").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Approving_a_quote_marked_to_order_on_approval_in_crm_is_enough_to_get_one_order_request()
    {
        using var sales = await platform.SalesAppAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m)], orderOnApproval: true);

        JsonElement? found = null;
        for (var i = 0; i < 300 && found is null; i++)
        {
            var page = await (await sales.GetAsync($"{Orders.Process}/order-requests?limit=200")).AssertJsonAsync(HttpStatusCode.OK);
            found = page.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("quoteId").GetString() == quoteId).Cast<JsonElement?>().FirstOrDefault();
            await Task.Delay(100);
        }
        Assert.NotNull(found);
        var id = found.Value.GetProperty("id").GetString()!;
        Assert.Equal("Completed", (await Orders.WaitForAsync(sales, id)).Status());

        // Ordering it through the API as well is refused, naming the order request the event started.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Orders.Process}/order-requests") { Content = System.Net.Http.Json.JsonContent.Create(new { quoteId }) };
        request.Headers.Add(PlatformHeaders.IdempotencyKey, Orders.Key());
        var conflict = await (await sales.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(id, conflict.GetProperty("existingOrderRequestId").GetString());
    }

    [Fact]
    public async Task A_rejected_approval_undoes_the_credit_check_and_an_expired_quote_cannot_be_ordered()
    {
        using var sales = await platform.SalesAppAsync();
        using var financeApp = await platform.FinanceAppAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-003", [Orders.Line("ROBOT-ARM-X", 2, 48_500m)]);
        var (_, accepted) = await Orders.OrderAsync(sales, quoteId);
        var id = accepted.GetProperty("id").GetString()!;
        await Orders.WaitForAsync(sales, id, o => o.Status() == "AwaitingApproval");

        await (await financeApp.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "reject" }, Orders.Key()))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await financeApp.PostJsonAsync($"{Orders.Process}/order-requests/{id}/approval", new { decision = "reject", comment = "Exposure too high" }, Orders.Key()))
            .AssertJsonAsync(HttpStatusCode.Accepted);
        var rejected = await Orders.WaitForAsync(sales, id);

        Assert.Equal("Rejected", rejected.Status());
        Assert.Equal("Rejected by a finance approver: Exposure too high", rejected.GetProperty("reason").GetString());
        Assert.Equal([("credit-check", "Succeeded")], rejected.StepList("compensations"));
        using var integration = await platform.IntegrationAppAsync();
        var credit = await (await integration.GetAsync($"/system/finance/v1/credit-assessments/{rejected.Document("creditAssessmentId")}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, credit.GetProperty("releasedAt").ValueKind);
    }

    [Fact]
    public async Task Operators_list_stalled_order_requests_and_cancel_one_which_compensates()
    {
        using var sales = await platform.SalesAppAsync();
        using var admin = await platform.AdminAsync();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-003", [Orders.Line("ROBOT-ARM-X", 2, 48_500m)]);
        var (_, accepted) = await Orders.OrderAsync(sales, quoteId);
        var id = accepted.GetProperty("id").GetString()!;
        await Orders.WaitForAsync(sales, id, o => o.Status() == "AwaitingApproval");

        // The test platform gives the approval step an SLA of one second.
        JsonElement stalled = default;
        for (var i = 0; i < 100; i++)
        {
            stalled = await (await admin.GetAsync("/process/quote-to-cash/workflows/stalled?type=quote-to-cash.order")).AssertJsonAsync(HttpStatusCode.OK);
            if (stalled.EnumerateArray().Any(s => s.GetProperty("instance").GetProperty("id").GetString() == id))
            {
                break;
            }
            await Task.Delay(100);
        }
        var entry = stalled.EnumerateArray().Single(s => s.GetProperty("instance").GetProperty("id").GetString() == id);
        Assert.Equal("approval", entry.GetProperty("step").GetString());

        var shown = await (await admin.GetAsync($"/process/quote-to-cash/workflows/instances/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Waiting", shown.GetProperty("status").GetString());
        Assert.Contains(shown.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "Started");
        var listed = await admin.AllItemsAsync("/process/quote-to-cash/workflows/instances?status=Waiting&tenant=acme");
        Assert.Contains(listed, i => i.GetProperty("id").GetString() == id);
        // Only platform admins reach the operations API.
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/process/quote-to-cash/workflows/instances/{id}")).StatusCode);

        await (await admin.PostJsonAsync($"/process/quote-to-cash/workflows/instances/{id}/cancel", new { reason = "Customer withdrew the order" }))
            .AssertJsonAsync(HttpStatusCode.Accepted);
        var cancelled = await Orders.WaitForAsync(sales, id);
        Assert.Equal("Cancelled", cancelled.Status());
        Assert.Equal([("credit-check", "Succeeded")], cancelled.StepList("compensations"));
        await (await admin.PostJsonAsync($"/process/quote-to-cash/workflows/instances/{id}/cancel", new { reason = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var history = (await (await admin.GetAsync($"/process/quote-to-cash/workflows/instances/{id}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("kind").GetString() == "CancelRequested" && h.GetProperty("actor").GetString() == "platform-admin");
    }
}
