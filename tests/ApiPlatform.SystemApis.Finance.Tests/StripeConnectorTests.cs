using System.Net;
using ApiPlatform.Contracts;
using ApiPlatform.SystemApis.Finance.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Finance.Tests.Infrastructure.StripeStubs;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>finance billing for a tenant served by Stripe, against WireMock answering as the Stripe API documents.</summary>
[Collection(FinanceCollection.Name)]
public sealed class StripeConnectorTests
{
    private const string Tenant = FinancePlatform.StripeTenant;
    private readonly FinancePlatform platform;

    public StripeConnectorTests(FinancePlatform platform)
    {
        this.platform = platform;
        platform.Stripe.Reset();
    }

    [Fact]
    public async Task Subscriptions_page_with_starting_after_and_amounts_come_out_of_minor_units()
    {
        platform.Stripe.Given(Get("/v1/subscriptions").WithParam("starting_after", "sub_1QkL2m3N4o5P6q7A")).AtPriority(1)
            .RespondWith(Json(200, List(false, "/v1/subscriptions", Subscription("sub_1QkL2m3N4o5P6q7B", unitAmount: 1250, quantity: 1))));
        platform.Stripe.Given(Get("/v1/subscriptions")).AtPriority(5)
            .RespondWith(Json(200, List(true, "/v1/subscriptions", Subscription("sub_1QkL2m3N4o5P6q7A"))));
        using var client = await platform.ClientAsync();

        var first = await (await client.GetAsync($"/system/finance/v1/billing/subscriptions?tenant={Tenant}&limit=1")).AssertJsonAsync(HttpStatusCode.OK);
        var next = first.GetProperty("next").GetString();
        var second = await (await client.GetAsync($"/system/finance/v1/billing/subscriptions?tenant={Tenant}&limit=1&cursor={next}")).AssertJsonAsync(HttpStatusCode.OK);

        var subscription = first.GetProperty("items")[0];
        Assert.Equal("sub_1QkL2m3N4o5P6q7A", next);
        Assert.Equal(297m, subscription.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", subscription.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal("Active", subscription.GetProperty("status").GetString());
        Assert.Equal("2025-11-27T00:00:00+00:00", subscription.GetProperty("currentPeriodStart").GetString());
        Assert.Equal(12.50m, second.GetProperty("items")[0].GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal(JsonNull, second.GetProperty("next").ValueKind);
        Assert.All(platform.Stripe.Requests(), r => Assert.Equal($"Bearer {SecretKey}", r.Authorization));
    }

    [Fact]
    public async Task A_retried_create_sends_the_same_Idempotency_Key_and_answers_the_customer_Stripe_made_first()
    {
        var create = Request.Create().WithPath("/v1/customers").UsingPost().WithHeader(PlatformHeaders.IdempotencyKey, "*");
        platform.Stripe.Given(create).InScenario("create").WillSetStateTo("made").RespondWith(Json(200, Customer("cus_QkL2m3N4o5P6q7")));
        platform.Stripe.Given(create).InScenario("create").WhenStateIs("made")
            .RespondWith(Json(200, Customer("cus_QkL2m3N4o5P6q7")).WithHeader("Idempotent-Replayed", "true"));
        using var client = await platform.DirectClientAsync("finance");
        var body = new { tenant = Tenant, accountId = "acc-initech-1", name = "Initech GmbH", email = "billing@initech.example" };
        var key = Guid.NewGuid().ToString("N");

        var first = await (await client.PostJsonAsync("/v1/billing/customers", body, key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.PostJsonAsync("/v1/billing/customers", body, key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("cus_QkL2m3N4o5P6q7", first.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), retry.GetProperty("id").GetString());
        var keys = platform.Stripe.LogEntries.Select(e => e.RequestMessage?.Headers?[PlatformHeaders.IdempotencyKey].Single()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Single(keys.Distinct());
        Assert.NotEqual(key, keys[0]);
        Assert.Contains("metadata%5Baccount_id%5D=acc-initech-1", platform.Stripe.Requests()[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limited_read_is_retried()
    {
        platform.Stripe.Given(Get("/v1/subscriptions/sub_1QkL2m3N4o5P6q7A")).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(Json(429, RateLimited).WithHeader("Retry-After", "1"));
        platform.Stripe.Given(Get("/v1/subscriptions/sub_1QkL2m3N4o5P6q7A")).InScenario("throttle").WhenStateIs("open")
            .RespondWith(Json(200, Subscription("sub_1QkL2m3N4o5P6q7A")));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync($"/system/finance/v1/billing/subscriptions/sub_1QkL2m3N4o5P6q7A?tenant={Tenant}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, platform.Stripe.LogEntries.Count());
    }

    [Fact]
    public async Task An_invalid_api_key_is_502_naming_stripe()
    {
        platform.Stripe.Given(Request.Create().WithPath("/v1/customers").UsingGet()).RespondWith(Json(401, InvalidKey));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync($"/system/finance/v1/billing/customers?tenant={Tenant}")).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "stripe");
    }

    [Fact]
    public async Task Cancelling_deletes_the_subscription_in_stripe_once_and_a_second_cancel_answers_it_unchanged()
    {
        const string id = "sub_1QkL2m3N4o5P6q7C";
        var canceled = Subscription(id, status: "canceled").Replace("\"canceled_at\":null", "\"canceled_at\":1764288000", StringComparison.Ordinal);
        var delete = Request.Create().WithPath($"/v1/subscriptions/{id}").UsingDelete().WithHeader("Authorization", $"Bearer {SecretKey}");
        platform.Stripe.Given(Get($"/v1/subscriptions/{id}")).RespondWith(Json(200, Subscription(id)));
        platform.Stripe.Given(delete).RespondWith(Json(200, canceled));
        using var client = await platform.ClientAsync();

        var first = await (await client.PostAsync($"/system/finance/v1/billing/subscriptions/{id}/cancel?tenant={Tenant}", null)).AssertJsonAsync(HttpStatusCode.OK);
        var deletes = platform.Stripe.LogEntries.Count(e => e.RequestMessage?.Method == "DELETE");
        platform.Stripe.Reset();
        platform.Stripe.Given(Get($"/v1/subscriptions/{id}")).RespondWith(Json(200, canceled));
        platform.Stripe.Given(delete).RespondWith(Json(400, """{"error":{"message":"already canceled","type":"invalid_request_error"}}"""));
        var second = await (await client.PostAsync($"/system/finance/v1/billing/subscriptions/{id}/cancel?tenant={Tenant}", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, deletes);
        Assert.Equal("Canceled", first.GetProperty("status").GetString());
        Assert.Equal("2025-11-28T00:00:00+00:00", first.GetProperty("canceledAt").GetString());
        Assert.Equal(first.GetProperty("canceledAt").GetString(), second.GetProperty("canceledAt").GetString());
        Assert.DoesNotContain(platform.Stripe.LogEntries, e => e.RequestMessage?.Method == "DELETE");
    }

    [Fact]
    public async Task Cancelling_a_subscription_stripe_does_not_know_is_404()
    {
        platform.Stripe.Given(Get("/v1/subscriptions/sub_1QkL2m3N4o5P6q7Z")).RespondWith(Json(404,
            """{"error":{"code":"resource_missing","message":"No such subscription: 'sub_1QkL2m3N4o5P6q7Z'","param":"id","type":"invalid_request_error"}}"""));
        using var client = await platform.ClientAsync();

        await (await client.PostAsync($"/system/finance/v1/billing/subscriptions/sub_1QkL2m3N4o5P6q7Z/cancel?tenant={Tenant}", null))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(platform.Stripe.LogEntries, e => e.RequestMessage?.Method == "DELETE");
    }

    [Theory]
    [InlineData("""{"object":"list","data":[{"id":"sub_1QkL2m3N4o5P6q7A","object":"subscription","customer":"cus_x","status":"active","items":{"data":[]}}],"has_more":false}""")]
    [InlineData("""{"object":"list","data":"nope","has_more":false}""")]
    public async Task A_malformed_answer_is_502_naming_stripe(string body)
    {
        platform.Stripe.Given(Get("/v1/subscriptions")).RespondWith(Json(200, body));
        using var client = await platform.ClientAsync();

        await (await client.GetAsync($"/system/finance/v1/billing/subscriptions?tenant={Tenant}")).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "stripe");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
