using System.Net;
using ApiPlatform.VendorConnectors.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ApiPlatform.ServiceDefaults.Tests.Clients;

/// <summary>
/// A vendor client (<see cref="VendorClientExtensions.AddVendorClient{TClient}"/>) against a WireMock vendor that answers
/// each id's first call with 503: safe and idempotent methods are repeated, POST and PATCH only with an Idempotency-Key
/// or when the client marks the call safe.
/// </summary>
public sealed class VendorRetryTests : IDisposable
{
    private readonly WireMockServer vendor = WireMockServer.Start();
    private readonly ServiceProvider services;

    public VendorRetryTests()
    {
        var collection = new ServiceCollection();
        collection.AddVendorClient<IFlakyApi>("flaky", _ => new VendorEndpointOptions { BaseUrl = vendor.Url!, MaxRetries = 2 });
        services = collection.BuildServiceProvider();
    }

    [Theory]
    [MemberData(nameof(FlakyCalls.Cases), MemberType = typeof(FlakyCalls))]
    public async Task A_transient_failure_is_retried_only_when_the_call_is_safe_to_repeat(string method, string safety, int expectedAttempts)
    {
        var id = Guid.NewGuid().ToString("N");
        var path = $"/flaky/{id}";
        vendor.Given(Request.Create().WithPath(path)).InScenario(id).WillSetStateTo("failed")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        vendor.Given(Request.Create().WithPath(path)).InScenario(id).WhenStateIs("failed")
            .RespondWith(Response.Create().WithStatusCode(204));

        using var response = await FlakyCalls.SendAsync(services.GetRequiredService<IFlakyApi>(), method, safety, id);

        Assert.Equal(expectedAttempts, vendor.LogEntries.Count(e => e.RequestMessage?.Path == path));
        Assert.Equal(expectedAttempts == 2 ? HttpStatusCode.NoContent : HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    public void Dispose()
    {
        services.Dispose();
        vendor.Stop();
        vendor.Dispose();
    }
}
