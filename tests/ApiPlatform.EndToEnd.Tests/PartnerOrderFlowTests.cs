using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;

namespace ApiPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PartnerOrderFlowTests(PlatformFixture platform)
{
    private const string Portal = "/experience/partner-portal/v1";

    [Fact]
    public async Task A_partner_lists_only_its_own_quotes()
    {
        using var acme = await platform.AcmeAsync();

        var page = await (await acme.GetAsync($"{Portal}/quotes")).AssertJsonAsync(HttpStatusCode.OK);

        var ids = page.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Contains("q-acme-1001", ids);
        // Other tests add ACME quotes of their own; none of Globex's may appear.
        Assert.DoesNotContain(ids, id => id!.StartsWith("q-globex-", StringComparison.Ordinal));
        var first = page.GetProperty("items").EnumerateArray().First(q => q.GetProperty("id").GetString() == "q-acme-1001");
        Assert.Equal(13_220.90m, first.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", first.GetProperty("total").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_partner_orders_a_quote_once_and_reads_the_order_while_another_tenant_cannot()
    {
        using var acme = await platform.AcmeAsync();
        using var globex = await platform.GlobexAsync();

        var response = await OrderAsync(acme, "q-acme-1001");
        var ordered = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var orderId = ordered.GetProperty("id").GetString()!;
        // 202 at once, pointing at the order behind the gateway; the steps run in the background.
        Assert.Equal($"{Portal}/orders/{orderId}", response.Headers.Location?.OriginalString);
        Assert.Contains(ordered.GetProperty("status").GetString(), new[] { "Running", "Completed" });

        var order = await WaitForOrderAsync(acme, orderId);
        Assert.Equal("Completed", order.GetProperty("status").GetString());
        Assert.StartsWith("SO-", order.GetProperty("salesOrder").GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(11_110m, order.GetProperty("salesOrder").GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(
            [("load-quote", "Succeeded"), ("erp-customer", "Succeeded"), ("credit-check", "Succeeded"), ("approval", "Skipped"), ("tax", "Succeeded"),
             ("reserve-inventory", "Succeeded"), ("sales-order", "Succeeded"), ("crm-contract", "Succeeded"), ("invoice", "Succeeded"), ("billing", "Skipped")],
            Steps(order));
        // A partner reads business outcomes, not the attempts and technical errors operators see.
        Assert.All(order.GetProperty("timeline").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("lastError").ValueKind));
        Assert.Empty(order.GetProperty("unavailable").EnumerateArray());

        var again = await (await OrderAsync(acme, "q-acme-1001")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(orderId, again.GetProperty("existingOrderId").GetString());

        await (await globex.GetAsync($"{Portal}/orders/{orderId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await globex.GetAsync($"{Portal}/quotes/q-acme-1001")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await OrderAsync(globex, "q-acme-1002")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_order_over_the_available_credit_waits_for_a_finance_approver()
    {
        using var acme = await platform.AcmeAsync();

        var ordered = await (await OrderAsync(acme, "q-acme-1002")).AssertJsonAsync(HttpStatusCode.Accepted);
        var order = await WaitForOrderAsync(acme, ordered.GetProperty("id").GetString()!, "AwaitingApproval");

        var approval = Steps(order).Single(s => s.Name == "approval");
        Assert.Equal("Waiting", approval.Status);
        var credit = order.GetProperty("timeline").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "credit-check");
        Assert.Contains("exceeds the available credit", credit.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("salesOrder").ValueKind);
    }

    [Fact]
    public async Task A_quote_that_is_not_approved_cannot_be_ordered()
    {
        using var acme = await platform.AcmeAsync();

        var problem = await (await OrderAsync(acme, "q-acme-1003")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.Contains("Draft", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%E2%80%AEevil")]
    [InlineData("q-%C2%9B-csi")]
    public async Task A_quote_id_quote_to_cash_would_refuse_is_the_callers_400_on_its_own_field(string quoteId)
    {
        using var acme = await platform.AcmeAsync();

        var problem = await (await OrderAsync(acme, quoteId)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("quoteId", out _), problem.ToString());

        // Too long for quote-to-cash (64 characters): refused the same way, in both versions.
        var tooLong = new string('q', 65);
        var v2 = new HttpRequestMessage(HttpMethod.Post, $"/experience/partner-portal/v2/quotes/{tooLong}/order");
        v2.Headers.Add(PlatformHeaders.IdempotencyKey, Guid.NewGuid().ToString("N"));
        var refused = await (await acme.SendAsync(v2)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(refused.GetProperty("errors").TryGetProperty("quoteId", out _), refused.ToString());
    }

    [Fact]
    public async Task Another_tenant_orders_its_own_quote_in_its_own_currency_and_its_support_line_is_billed()
    {
        using var globex = await platform.GlobexAsync();

        var ordered = await (await OrderAsync(globex, "q-globex-2001")).AssertJsonAsync(HttpStatusCode.Accepted);
        var order = await WaitForOrderAsync(globex, ordered.GetProperty("id").GetString()!);

        Assert.Equal("Completed", order.GetProperty("status").GetString());
        Assert.Equal("USD", order.GetProperty("total").GetProperty("currency").GetString());
        Assert.Equal("Succeeded", Steps(order).Single(s => s.Name == "billing").Status);
        var list = await globex.AllItemsAsync($"{Portal}/orders");
        Assert.Contains(list, o => o.GetProperty("id").GetString() == ordered.GetProperty("id").GetString());
        Assert.All(list, o => Assert.Equal("partner-globex", o.GetProperty("placedBy").GetString()));
    }

    private static async Task<JsonElement> WaitForOrderAsync(HttpClient client, string orderId, string? status = null)
    {
        for (var i = 0; ; i++)
        {
            var order = await (await client.GetAsync($"{Portal}/orders/{orderId}")).AssertJsonAsync(HttpStatusCode.OK);
            var now = order.GetProperty("status").GetString();
            if (status is null ? now is not ("Running" or "Compensating") : now == status)
            {
                return order;
            }
            Assert.True(i < 300, $"order {orderId} stayed {now}: {order}");
            await Task.Delay(100);
        }
    }

    // Ordering places an order: the gateway requires an Idempotency-Key on it, a fresh one per intended order.
    private static Task<HttpResponseMessage> OrderAsync(HttpClient client, string quoteId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Portal}/quotes/{quoteId}/order");
        request.Headers.Add(PlatformHeaders.IdempotencyKey, Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    private static List<(string Name, string Status)> Steps(JsonElement order) =>
        order.GetProperty("timeline").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!))
            .ToList();
}
