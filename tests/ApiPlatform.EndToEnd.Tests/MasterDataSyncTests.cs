using System.Net;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>crm publishes crm.account.changed.v1 through its outbox; erp's consumer group keeps its customers in step.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MasterDataSyncTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_account_created_and_renamed_in_crm_becomes_and_stays_an_erp_customer()
    {
        using var integration = await platform.IntegrationAppAsync();
        var name = $"Initrode {Guid.NewGuid():N}"[..20];
        var account = await (await integration.PostJsonAsync("/system/crm/v1/accounts",
            new { tenant = "acme", name, country = "DE", currency = "EUR" })).AssertJsonAsync(HttpStatusCode.Created);
        var accountId = account.GetProperty("id").GetString()!;

        var customer = await EventuallyAsync(integration, accountId, c => c.GetProperty("name").GetString() == name);
        Assert.Equal("acme", customer.GetProperty("tenant").GetString());
        Assert.Equal("EUR", customer.GetProperty("currency").GetString());

        var renamed = name + " AG";
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/system/crm/v1/accounts/{accountId}?tenant=acme")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = renamed, country = "DE", currency = "EUR" }),
        };
        await (await integration.SendAsync(update)).AssertJsonAsync(HttpStatusCode.OK);

        var synced = await EventuallyAsync(integration, accountId, c => c.GetProperty("name").GetString() == renamed);
        Assert.Equal(customer.GetProperty("id").GetString(), synced.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Platform_admins_reach_each_services_messaging_operations_through_the_gateway()
    {
        using var admin = await platform.ClientAsync("platform-admin", "admin-secret");
        using var integration = await platform.IntegrationAppAsync();

        await (await admin.GetAsync("/system/erp/messaging/status")).AssertJsonAsync(HttpStatusCode.OK);
        var deadLetters = await (await admin.GetAsync("/system/crm/messaging/dead-letters")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, deadLetters.ValueKind);
        await (await integration.GetAsync("/system/erp/messaging/status")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<JsonElement> EventuallyAsync(HttpClient client, string accountId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var page = await (await client.GetAsync($"/system/erp/v1/customers?tenant=acme&crmAccountId={accountId}")).AssertJsonAsync(HttpStatusCode.OK);
            var match = page.GetProperty("items").EnumerateArray().Where(condition).ToList();
            if (match.Count == 1 || DateTime.UtcNow > deadline)
            {
                Assert.True(match.Count == 1, $"erp has no customer for {accountId} in the expected state: {page}");
                return match[0];
            }
            await Task.Delay(200);
        }
    }
}
