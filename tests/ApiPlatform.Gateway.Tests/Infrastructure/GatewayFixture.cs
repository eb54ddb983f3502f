namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>One issuer, one backend and one gateway over the test catalog, shared by the tests of the collection.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private string catalogPath = "";

    public TestIssuer Issuer { get; private set; } = null!;
    public TestBackend Backend { get; private set; } = null!;
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Backend = await TestBackend.StartAsync();
        catalogPath = TestCatalog.Write(Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));
        Gateway = await GatewayHost.StartAsync(catalogPath, Issuer, new Dictionary<string, string?>
        {
            // With a trailing slash, as the AppHost configures upstreams.
            ["Gateway:Upstreams:crm"] = Backend.Address.AbsoluteUri,
        });
    }

    public string Token(string audience, string scope) => Issuer.CreateToken(audience, scope);

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Backend.DisposeAsync();
        await Issuer.DisposeAsync();
        TestCatalog.Delete(catalogPath);
    }
}
