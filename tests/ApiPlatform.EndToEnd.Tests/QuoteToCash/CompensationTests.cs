using System.Net;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// A system of record refuses (or keeps failing at) one step of an order request: exactly the steps completed before it
/// are undone, newest first, and the systems of record show it. Faults are injected into quote-to-cash's calls with
/// Polly's chaos strategy, for this test's business transaction only.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CompensationTests(PlatformFixture platform)
{
    private const string Erp = "/system/erp/v1";
    private const string Finance = "/system/finance/v1";

    public static TheoryData<string, string, string, string[]> Refusals => new()
    {
        { "erp-customer", "GET", "/v1/customers", [] },
        { "credit-check", "POST", "/v1/credit-assessments", [] },
        { "tax", "POST", "/v1/tax/calculations", ["credit-check"] },
        { "reserve-inventory", "POST", "/v1/reservations", ["credit-check"] },
        { "sales-order", "POST", "/v1/sales-orders", ["reserve-inventory", "credit-check"] },
        { "crm-contract", "POST", "/v1/quotes/[^/]+/accept", ["sales-order", "reserve-inventory", "credit-check"] },
        { "invoice", "POST", "/v1/invoices", ["crm-contract", "sales-order", "reserve-inventory", "credit-check"] },
        { "billing", "POST", "/v1/billing/subscriptions", ["invoice", "crm-contract", "sales-order", "reserve-inventory", "credit-check"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_at_a_step_undoes_exactly_the_earlier_steps_in_reverse_order(string step, string method, string path, string[] undone)
    {
        var (order, quoteId) = await OrderWithFaultAsync(new HttpMethod(method), path, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Rejected", order.Status());
        Assert.Equal("The system of record refused the request (injected by the test).", order.GetProperty("reason").GetString());
        var steps = order.StepList();
        var at = Array.IndexOf(Orders.Steps, step);
        Assert.Equal("Rejected", steps[at].Status);
        Assert.All(steps.Take(at), s => Assert.Contains(s.Status, new[] { "Succeeded", "Skipped" }));
        Assert.All(steps.Skip(at + 1), s => Assert.Equal("Pending", s.Status));
        Assert.Equal(undone, order.StepList("compensations").Select(c => c.Name));
        Assert.All(order.StepList("compensations"), c => Assert.Equal("Succeeded", c.Status));
        await AssertUndoneInSystemsOfRecordAsync(order, quoteId);
    }

    [Fact]
    public async Task A_system_that_keeps_failing_exhausts_the_retry_budget_and_the_order_request_fails_and_compensates()
    {
        var (order, quoteId) = await OrderWithFaultAsync(HttpMethod.Post, "/v1/sales-orders", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Failed", order.Status());
        var salesOrder = order.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "sales-order");
        Assert.Equal("Failed", salesOrder.GetProperty("status").GetString());
        Assert.Equal(5, salesOrder.GetProperty("attempts").GetInt32());
        Assert.Contains("503", salesOrder.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        // Callers read a business outcome, never a host, port or status code.
        Assert.DoesNotContain("503", order.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["reserve-inventory", "credit-check"], order.StepList("compensations").Select(c => c.Name));
        await AssertUndoneInSystemsOfRecordAsync(order, quoteId);
    }

    [Fact]
    public async Task A_compensation_that_cannot_complete_is_left_visible_and_an_operator_retries_it()
    {
        using var sales = await platform.SalesAppAsync();
        using var admin = await platform.AdminAsync();
        var correlationId = Orders.Key();
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m), Orders.Line("MAN-TECH-DOC", 1, 45m)]);
        // The invoice is refused, and cancelling the sales order keeps failing.
        platform.Faults.Inject(correlationId, HttpMethod.Post, "/v1/(invoices|sales-orders/[^/]+/cancel)", HttpStatusCode.ServiceUnavailable);
        var (_, accepted) = await Orders.OrderAsync(sales, quoteId, correlationId);
        var id = accepted.GetProperty("id").GetString()!;

        var stuck = await Orders.WaitForAsync(sales, id);
        Assert.Equal("CompensationFailed", stuck.Status());
        Assert.Equal([("crm-contract", "Succeeded"), ("sales-order", "Failed")], stuck.StepList("compensations"));
        var stalled = await (await admin.GetAsync("/process/quote-to-cash/workflows/stalled")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(stalled.EnumerateArray(), s => s.GetProperty("instance").GetProperty("id").GetString() == id);

        platform.Faults.Clear(correlationId);
        await (await admin.PostJsonAsync($"/process/quote-to-cash/workflows/instances/{id}/retry", new { })).AssertJsonAsync(HttpStatusCode.Accepted);
        var failed = await Orders.WaitForAsync(sales, id, o => o.Status() != "CompensationFailed" && Orders.Terminal.Contains(o.Status()));
        Assert.Equal("Failed", failed.Status());
        Assert.Equal(["crm-contract", "sales-order", "reserve-inventory", "credit-check"], failed.StepList("compensations").Select(c => c.Name));
        await AssertUndoneInSystemsOfRecordAsync(failed, quoteId);
        await (await admin.PostJsonAsync($"/process/quote-to-cash/workflows/instances/{id}/retry", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    private async Task<(JsonElement Order, string QuoteId)> OrderWithFaultAsync(HttpMethod method, string path, HttpStatusCode status)
    {
        using var sales = await platform.SalesAppAsync();
        var correlationId = Orders.Key();
        // SPARE-KIT and MAN-TECH-DOC are stocked; MAN-TECH-DOC is a subscription line on the test platform.
        var quoteId = await Orders.ApprovedQuoteAsync(sales, "acc-acme-001", [Orders.Line("SPARE-KIT", 1, 110m), Orders.Line("MAN-TECH-DOC", 1, 45m)]);
        platform.Faults.Inject(correlationId, method, path, status);
        try
        {
            var (_, accepted) = await Orders.OrderAsync(sales, quoteId, correlationId);
            return (await Orders.WaitForAsync(sales, accepted.GetProperty("id").GetString()!), quoteId);
        }
        finally
        {
            platform.Faults.Clear(correlationId);
        }
    }

    /// <summary>Whatever the order request made is undone where it was made: credit released, stock released, order cancelled, invoice void, quote open.</summary>
    private async Task AssertUndoneInSystemsOfRecordAsync(JsonElement order, string quoteId)
    {
        using var integration = await platform.IntegrationAppAsync();
        using var sales = await platform.SalesAppAsync();
        if (order.Document("creditAssessmentId") is { } credit)
        {
            var assessment = await (await integration.GetAsync($"{Finance}/credit-assessments/{credit}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.NotEqual(JsonValueKind.Null, assessment.GetProperty("releasedAt").ValueKind);
        }
        foreach (var reservation in order.Documents("reservationIds"))
        {
            var released = await (await integration.GetAsync($"{Erp}/reservations/{reservation}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Released", released.GetProperty("status").GetString());
        }
        if (order.Document("salesOrderId") is { } salesOrder)
        {
            var cancelled = await (await integration.GetAsync($"{Erp}/sales-orders/{salesOrder}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        }
        if (order.Document("invoiceId") is { } invoice)
        {
            var voided = await (await integration.GetAsync($"{Finance}/invoices/{invoice}")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Void", voided.GetProperty("status").GetString());
        }
        Assert.Empty(order.Documents("subscriptionIds"));
        var quote = await (await sales.GetAsync($"{Orders.Crm}/quotes/{quoteId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", quote.GetProperty("status").GetString());
    }
}
