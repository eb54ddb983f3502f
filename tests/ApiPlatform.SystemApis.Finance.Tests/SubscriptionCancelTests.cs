using System.Net;
using ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>Cancelling a subscription of the embedded billing system: once, and a repeat answers it unchanged. On SQLite and PostgreSQL.</summary>
public abstract class SubscriptionCancelTests(SystemApiPlatform platform)
{
    private const string Billing = "/system/finance/v1/billing";

    [SkippableFact]
    public async Task A_subscription_is_cancelled_once_and_a_second_cancel_answers_it_unchanged()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        using var client = await platform.ClientAsync();
        var account = $"acc-{Guid.NewGuid():N}"[..24];
        var customer = await (await client.PostJsonAsync($"{Billing}/customers", new { tenant = "acme", accountId = account, name = "Cancel GmbH", email = "ap@cancel.example" },
            Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var subscription = await (await client.PostJsonAsync($"{Billing}/subscriptions",
            new { tenant = "acme", customerId = customer.GetProperty("id").GetString(), priceId = "price_platform_seat_monthly", quantity = 2m },
            Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var id = subscription.GetProperty("id").GetString();

        var cancelled = await (await client.PostAsync($"{Billing}/subscriptions/{id}/cancel?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);
        var again = await (await client.PostAsync($"{Billing}/subscriptions/{id}/cancel?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);
        var read = await (await client.GetAsync($"{Billing}/subscriptions/{id}?tenant=acme")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Active", subscription.GetProperty("status").GetString());
        Assert.Equal("Canceled", cancelled.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, cancelled.GetProperty("canceledAt").ValueKind);
        Assert.Equal(cancelled.GetProperty("canceledAt").GetDateTimeOffset(), again.GetProperty("canceledAt").GetDateTimeOffset());
        Assert.Equal("Canceled", read.GetProperty("status").GetString());
        await (await client.PostAsync($"{Billing}/subscriptions/bsub-none/cancel?tenant=acme", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.PostAsync($"{Billing}/subscriptions/{id}/cancel?tenant=globex", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}

[Collection(FinanceCollection.Name)]
public sealed class SubscriptionCancelOnSqliteTests(FinancePlatform platform) : SubscriptionCancelTests(platform);

[Collection(FinancePostgresCollection.Name)]
public sealed class SubscriptionCancelOnPostgresTests(PostgresPlatform platform) : SubscriptionCancelTests(platform);
