using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Broken object-level authorization, generated from the published contracts: every operation that takes an id in its
/// path is called by each partner with real ids of the other partner's resources, and none may answer 2xx.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BolaTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly (string Tenant, string Client, string Secret, string Account, string Currency)[] Partners =
    [
        ("acme", "partner-acme", "acme-secret", "acc-acme-001", "EUR"),
        ("globex", "partner-globex", "globex-secret", "acc-globex-001", "USD"),
    ];

    [Fact]
    public async Task No_partner_reaches_another_partners_resource_by_its_id()
    {
        var contracts = await PublishedContracts.LoadAsync(platform);
        foreach (var partner in Partners)
        {
            await GiveAnOrderAsync(partner);
        }

        var byId = contracts.Operations.Where(o => o.In("path").Any()).ToList();
        var leaks = new List<string>();
        var calls = 0;
        var withRealIds = new HashSet<string>();
        foreach (var caller in Partners)
        {
            var owner = Partners.Single(p => p.Tenant != caller.Tenant);
            using var client = await platform.ClientAsync(caller.Client, caller.Secret);
            using var ownerClient = await platform.ClientAsync(owner.Client, owner.Secret);
            foreach (var operation in byId)
            {
                var ids = await IdsOfAsync(contracts, operation, ownerClient, owner.Tenant);
                if (ids.Count > 0)
                {
                    withRealIds.Add(operation.Name);
                }
                var values = new SchemaValues(new Random(19), operation);
                foreach (var id in ids.DefaultIfEmpty($"{owner.Tenant}-{Guid.NewGuid():N}"))
                {
                    var path = operation.In("path").Aggregate(operation.Path, (p, parameter) =>
                        p.Replace("{" + (string)parameter["name"]! + "}", Uri.EscapeDataString(id), StringComparison.Ordinal));
                    var body = operation.BodySchema is { } schema ? values.Valid(schema)?.ToJsonString() : null;
                    using var request = PublishedContracts.Request(operation, path, body);
                    request.Headers.Add(PlatformHeaders.IdempotencyKey, Guid.NewGuid().ToString());
                    using var response = await client.SendAsync(request);
                    calls++;
                    if (response.IsSuccessStatusCode)
                    {
                        leaks.Add($"{caller.Client} {operation.Method.ToUpperInvariant()} {path} ({owner.Tenant}'s) -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        output.WriteLine($"bola: {byId.Count} operations with a path id, {withRealIds.Count} of them with real ids of the other tenant, {calls} calls, {leaks.Count} leaks");
        // The partner-facing operations must have been tried with real foreign ids, or the test proves nothing.
        Assert.Contains(withRealIds, name => name.Contains("/orders/{", StringComparison.Ordinal));
        Assert.Contains(withRealIds, name => name.Contains("/quotes/{", StringComparison.Ordinal));
        Assert.True(leaks.Count == 0, "answered 2xx to another tenant's id:\n" + string.Join("\n", leaks));
    }

    /// <summary>
    /// Up to three ids of <paramref name="tenant"/>'s resources behind the operation's first path parameter: from the
    /// list at the path before it, read by the owner itself, or by an internal client of the API for that tenant.
    /// </summary>
    private async Task<List<string>> IdsOfAsync(PublishedContracts contracts, ContractOperation operation, HttpClient owner, string tenant)
    {
        var first = operation.Path.IndexOf('{', StringComparison.Ordinal);
        var collection = operation.Path[..first].TrimEnd('/');
        var list = contracts.Operations.FirstOrDefault(o => o.Method == "get" && o.Path == collection);
        if (list is null)
        {
            return [];
        }

        using var own = await owner.GetAsync(collection + "?limit=20");
        if (own.StatusCode == HttpStatusCode.OK)
        {
            return Ids(await own.Content.ReadAsStringAsync());
        }
        if (list.In("query").Any(p => (string?)p["name"] == "tenant"))
        {
            using var internalClient = await contracts.ClientForAsync(platform, list);
            using var forTenant = await internalClient.GetAsync($"{collection}?tenant={tenant}&limit=20");
            if (forTenant.StatusCode == HttpStatusCode.OK)
            {
                return Ids(await forTenant.Content.ReadAsStringAsync());
            }
        }
        return [];
    }

    private static List<string> Ids(string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root : root.TryGetProperty("items", out var page) ? page : default;
        return items.ValueKind != JsonValueKind.Array
            ? []
            : items.EnumerateArray().Where(i => i.TryGetProperty("id", out _)).Select(i => i.GetProperty("id").ToString()).Take(3).ToList();
    }

    /// <summary>A fresh approved quote of the partner's tenant, ordered by the partner itself, so each tenant has an order.</summary>
    private async Task GiveAnOrderAsync((string Tenant, string Client, string Secret, string Account, string Currency) partner)
    {
        using var sales = await platform.SalesAppAsync();
        var line = new { sku = "SPARE-KIT", description = "Spare parts kit", quantity = 1, unitPrice = new { amount = 110, currency = partner.Currency }, discountPercent = 0 };
        var quote = await (await Orders.PostAsync(sales, $"{Orders.Crm}/quotes",
            new { tenant = partner.Tenant, accountId = partner.Account, currency = partner.Currency, taxRate = 0.1m, lines = new[] { line } }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = quote.GetProperty("id").GetString()!;
        await (await Orders.PostAsync(sales, $"{Orders.Crm}/quotes/{id}/submit?tenant={partner.Tenant}", new { })).AssertJsonAsync(HttpStatusCode.OK);
        await (await Orders.PostAsync(sales, $"{Orders.Crm}/quotes/{id}/approve?tenant={partner.Tenant}", new { })).AssertJsonAsync(HttpStatusCode.OK);
        using var client = await platform.ClientAsync(partner.Client, partner.Secret);
        await (await Orders.PostAsync(client, $"/experience/partner-portal/v1/quotes/{id}/order", new { })).AssertJsonAsync(HttpStatusCode.Accepted);
    }
}
