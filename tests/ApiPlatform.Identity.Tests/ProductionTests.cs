using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace ApiPlatform.Identity.Tests;

public sealed class ProductionTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Development_only_clients_are_refused_and_removed()
    {
        // Registered first by a Development run on the same database, so removal is what is under test.
        await using (var development = await IdentityHost.StartAsync(data.Path))
        {
            await TokenApi.AccessTokenAsync(development.Client, "partner-acme");
        }

        await using var production = await IdentityHost.StartAsync(data.Path, "Production", new Dictionary<string, string?>
        {
            ["Identity:SigningKeys:Path"] = data.Combine("identity-keys"),
            ["Identity:Clients:partner-acme:Secret"] = null,
        });

        var refused = await TokenApi.ClientCredentialsAsync(production.Client, "partner-acme", secret: "acme-secret");
        Assert.Equal("invalid_client", refused.Error);
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            Assert.Null(await applications.FindByClientIdAsync("partner-acme"));
            Assert.NotNull(await applications.FindByClientIdAsync("svc-partner-portal"));
        }
        var service = await TokenApi.ClientCredentialsAsync(production.Client, "svc-analytics", "system:crm");
        Assert.Equal(HttpStatusCode.OK, service.Status);
    }

    [Fact]
    public async Task A_missing_signing_key_fails_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IdentityHost.StartAsync(data.Path, "Production"));

        Assert.Contains("Identity:SigningKeys:Path", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data.Combine("identity-keys")));
    }

    [Fact]
    public async Task Plain_http_is_refused_outside_development()
    {
        SigningKeyTests.WriteKey(data.Combine("keys"), "signing.pem");
        await using var host = await IdentityHost.StartAsync(
            data.Path, "Production", new Dictionary<string, string?> { ["Identity:SigningKeys:Path"] = data.Combine("keys") }, https: false);

        var response = await TokenApi.ClientCredentialsAsync(host.Client, "svc-analytics", "system:crm");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
    }

    [Fact]
    public async Task Plain_http_is_served_outside_development_when_the_cluster_setting_says_tls_ends_at_the_ingress()
    {
        SigningKeyTests.WriteKey(data.Combine("keys"), "signing.pem");
        await using var host = await IdentityHost.StartAsync(data.Path, "Production", new Dictionary<string, string?>
        {
            ["Identity:SigningKeys:Path"] = data.Combine("keys"),
            ["Auth:AllowPlainHttp"] = "true",
        }, https: false);

        var response = await TokenApi.ClientCredentialsAsync(host.Client, "svc-analytics", "system:crm");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task A_client_without_a_secret_fails_start_naming_the_key()
    {
        // Every options class that needs the secrets reports it, so the start may fail with several validation errors.
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            IdentityHost.StartAsync(data.Path, settings: new Dictionary<string, string?> { ["Identity:Clients:svc-analytics:Secret"] = null }));

        Assert.Contains("Identity:Clients:svc-analytics:Secret", error.Message, StringComparison.Ordinal);
    }
}
