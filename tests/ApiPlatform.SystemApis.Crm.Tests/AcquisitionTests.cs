using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>
/// The acquisition: tenant initech still runs Salesforce and tenant umbrella runs HubSpot, yet one crm API answers
/// both — and the embedded tenants — in the same canonical shape.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class AcquisitionTests(CrmPlatform platform)
{
    [Fact]
    public async Task A_Salesforce_tenant_and_a_HubSpot_tenant_are_answered_in_the_same_canonical_shape()
    {
        SalesforceStubs.Reset(platform.Salesforce);
        platform.Salesforce.Given(SalesforceStubs.Soql("FROM Account"))
            .RespondWith(SalesforceStubs.Json(200, SalesforceStubs.Query(1, null, SalesforceStubs.Account("001RO00000AbCdEYAV", "Initech Holdings"))));
        platform.HubSpot.Reset();
        platform.HubSpot.Given(HubSpotStubs.SearchOf("companies"))
            .RespondWith(HubSpotStubs.Json(200, HubSpotStubs.Search(1, null, HubSpotStubs.Company("9001", "Umbrella Corporation"))));
        using var client = await platform.ClientAsync();

        var salesforce = await AccountsAsync(client, CrmPlatform.SalesforceTenant);
        var hubspot = await AccountsAsync(client, CrmPlatform.HubSpotTenant);
        var embedded = await AccountsAsync(client, "acme");

        Assert.Equal(Shape(embedded), Shape(salesforce));
        Assert.Equal(Shape(embedded), Shape(hubspot));
        Assert.Equal("salesforce", salesforce.GetProperty("source").GetProperty("system").GetString());
        Assert.Equal("hubspot", hubspot.GetProperty("source").GetProperty("system").GetString());
        Assert.Equal("embedded-crm", embedded.GetProperty("source").GetProperty("system").GetString());
        Assert.Equal(["initech", "umbrella", "acme"],
            new[] { salesforce, hubspot, embedded }.Select(a => a.GetProperty("tenant").GetString()));
    }

    private static async Task<JsonElement> AccountsAsync(HttpClient client, string tenant)
    {
        var page = await (await client.GetAsync($"/system/crm/v1/accounts?tenant={tenant}&limit=1")).AssertJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items")[0];
    }

    // Property names, nested; values differ by system (a parent id may be null in one and set in another).
    private static string Shape(JsonElement record) => string.Join(",", record.EnumerateObject()
        .Select(p => p.Value.ValueKind == JsonValueKind.Object ? $"{p.Name}{{{Shape(p.Value)}}}" : p.Name));
}
