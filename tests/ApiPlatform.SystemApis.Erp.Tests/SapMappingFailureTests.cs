using System.Net;
using System.Text.Json;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Erp.Tests.Infrastructure.SapStubs;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>An SAP answer that breaks the canonical mapping is published as <c>erp.connector.mapping-failed.v1</c>; refused credentials are not.</summary>
[Collection(ErpCollection.Name)]
public sealed class SapMappingFailureTests
{
    private const string Orders = $"/system/erp/v1/sales-orders?tenant={ErpPlatform.SapTenant}";
    private readonly ErpPlatform platform;

    public SapMappingFailureTests(ErpPlatform platform)
    {
        this.platform = platform;
        platform.Sap.Reset();
    }

    [Fact]
    public async Task An_unknown_status_is_published_with_its_field_and_refused_credentials_are_not()
    {
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Json(200, List(1, SalesOrder("4711", "ref", status: "Z"))));
        using var client = await platform.ClientAsync();
        var broken = Guid.NewGuid().ToString("N");
        await (await SendAsync(client, broken)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "sap");

        platform.Sap.Reset();
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Response.Create().WithStatusCode(401));
        var refused = Guid.NewGuid().ToString("N");
        await (await SendAsync(client, refused)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "sap");

        var published = Assert.Single(await PublishedAsync(broken));
        Assert.Equal(("erp", "sap", "OverallSDProcessStatus"), (published.GetProperty("system").GetString(),
            published.GetProperty("connector").GetString(), published.GetProperty("field").GetString()));
        Assert.Empty(await PublishedAsync(refused));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Orders);
        request.Headers.Add("X-Correlation-Id", correlationId);
        return await client.SendAsync(request);
    }

    private async Task<List<JsonElement>> PublishedAsync(string correlationId)
    {
        using var scope = platform.Platform.Services("erp").CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Set<OutboxMessage>()
            .Where(m => m.Type == "erp.connector.mapping-failed.v1").Select(m => m.Envelope).ToListAsync();
        return rows.Select(e => JsonDocument.Parse(e).RootElement)
            .Where(e => e.TryGetProperty("correlationid", out var id) && id.GetString() == correlationId)
            .Select(e => e.GetProperty("data").Clone())
            .ToList();
    }
}
