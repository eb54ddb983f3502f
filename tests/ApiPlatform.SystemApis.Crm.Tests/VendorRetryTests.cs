using System.Net;
using ApiPlatform.VendorConnectors.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ApiPlatform.SystemApis.Crm.Tests;

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
        collection.AddVendorClient<IFlakyVendorApi>("flaky", _ => new VendorEndpointOptions { BaseUrl = vendor.Url!, MaxRetries = 2 });
        services = collection.BuildServiceProvider();
    }

    public static TheoryData<string, string, int> Cases => new()
    {
        { "GET", "", 2 },
        { "HEAD", "", 2 },
        { "OPTIONS", "", 2 },
        { "PUT", "", 2 },
        { "DELETE", "", 2 },
        { "POST", "", 1 },
        { "PATCH", "", 1 },
        { "POST", "key", 2 },
        { "PATCH", "key", 2 },
        { "POST", "marked", 2 },
        { "PATCH", "marked", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_transient_failure_is_retried_only_when_the_call_is_safe_to_repeat(string method, string safety, int expectedAttempts)
    {
        var id = Guid.NewGuid().ToString("N");
        var path = $"/flaky/{id}";
        vendor.Given(Request.Create().WithPath(path)).InScenario(id).WillSetStateTo("failed")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        vendor.Given(Request.Create().WithPath(path)).InScenario(id).WhenStateIs("failed")
            .RespondWith(Response.Create().WithStatusCode(204));
        var api = services.GetRequiredService<IFlakyVendorApi>();
        var key = safety == "key" ? id : null;
        var marked = safety == "marked";

        using var response = method switch
        {
            "GET" => await api.GetAsync(id, CancellationToken.None),
            "HEAD" => await api.HeadAsync(id, CancellationToken.None),
            "OPTIONS" => await api.OptionsAsync(id, CancellationToken.None),
            "PUT" => await api.PutAsync(id, CancellationToken.None),
            "DELETE" => await api.DeleteAsync(id, CancellationToken.None),
            "POST" => await api.PostAsync(id, key, marked, CancellationToken.None),
            _ => await api.PatchAsync(id, key, marked, CancellationToken.None),
        };

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
