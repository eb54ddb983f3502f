using System.Net;
using System.Text.Json;

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
        Assert.All(ids, id => Assert.StartsWith("q-acme-", id, StringComparison.Ordinal));
        var first = page.GetProperty("items").EnumerateArray().First(q => q.GetProperty("id").GetString() == "q-acme-1001");
        Assert.Equal(13_220.90m, first.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", first.GetProperty("total").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_partner_orders_a_quote_once_and_reads_the_order_while_another_tenant_cannot()
    {
        using var acme = await platform.AcmeAsync();
        using var globex = await platform.GlobexAsync();

        var ordered = await (await OrderAsync(acme, "q-acme-1001")).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("Completed", ordered.GetProperty("status").GetString());
        var orderId = ordered.GetProperty("id").GetString()!;

        var order = await (await acme.GetAsync($"{Portal}/orders/{orderId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Completed", order.GetProperty("status").GetString());
        Assert.StartsWith("SO-", order.GetProperty("salesOrder").GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(11_110m, order.GetProperty("salesOrder").GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(["load-quote", "credit-check", "sales-order"], Steps(order).Select(s => s.Name));
        Assert.All(Steps(order), s => Assert.Equal("Succeeded", s.Status));
        Assert.Empty(order.GetProperty("unavailable").EnumerateArray());

        var again = await (await OrderAsync(acme, "q-acme-1001")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(orderId, again.GetProperty("existingOrderId").GetString());

        await (await globex.GetAsync($"{Portal}/orders/{orderId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await globex.GetAsync($"{Portal}/quotes/q-acme-1001")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await OrderAsync(globex, "q-acme-1002")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_declined_credit_check_rejects_the_order_with_the_reason()
    {
        using var acme = await platform.AcmeAsync();

        var ordered = await (await OrderAsync(acme, "q-acme-1002")).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("Rejected", ordered.GetProperty("status").GetString());
        Assert.Contains("exceeds the available credit", ordered.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal([("load-quote", "Succeeded"), ("credit-check", "Rejected"), ("sales-order", "Pending")], Steps(ordered));
        Assert.Equal(JsonValueKind.Null, ordered.GetProperty("salesOrder").ValueKind);
    }

    [Fact]
    public async Task A_quote_that_is_not_approved_cannot_be_ordered()
    {
        using var acme = await platform.AcmeAsync();

        var problem = await (await OrderAsync(acme, "q-acme-1003")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.Contains("Draft", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_orders_its_own_quote_in_its_own_currency()
    {
        using var globex = await platform.GlobexAsync();

        var ordered = await (await OrderAsync(globex, "q-globex-2001")).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("Completed", ordered.GetProperty("status").GetString());
        Assert.Equal("USD", ordered.GetProperty("total").GetProperty("currency").GetString());
        var list = await (await globex.GetAsync($"{Portal}/orders")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == ordered.GetProperty("id").GetString());
        Assert.All(list.GetProperty("items").EnumerateArray(), o => Assert.Equal("partner-globex", o.GetProperty("placedBy").GetString()));
    }

    // Ordering places an order: the gateway requires an Idempotency-Key on it, a fresh one per intended order.
    private static Task<HttpResponseMessage> OrderAsync(HttpClient client, string quoteId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Portal}/quotes/{quoteId}/order");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    private static List<(string Name, string Status)> Steps(JsonElement order) =>
        order.GetProperty("timeline").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!))
            .ToList();
}
