using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>A gateway of one test's own over a fresh test catalog, deleted with it.</summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly string catalog;

    private TestGateway(string catalog, GatewayHost host)
    {
        this.catalog = catalog;
        Host = host;
    }

    public GatewayHost Host { get; }

    public static async Task<TestGateway> StartAsync(GatewayFixture fixture, IDictionary<string, string?>? settings = null,
        DateTimeOffset? partnerPortalSunset = null, Action<IServiceCollection>? services = null)
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, partnerPortalSunset ?? DateTimeOffset.UtcNow.AddDays(30));
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("Gateway:Upstreams:crm", fixture.Backend.Address.AbsoluteUri);
        return new TestGateway(catalog, await GatewayHost.StartAsync(catalog, fixture.Issuer, all, services));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        TestCatalog.Delete(catalog);
    }
}
