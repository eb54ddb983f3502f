using System.Collections.Concurrent;
using System.Net;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults.Tests.Clients;

/// <summary>
/// A platform client (<see cref="ApiClientExtensions.AddApiClient{TClient}"/>) against a loopback API that answers each
/// id's first call with 503: safe and idempotent methods are repeated, POST and PATCH only with an Idempotency-Key or
/// when the client marks the call safe.
/// </summary>
public sealed class RetrySafetyTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private WebApplication? server;
    private IHost? caller;

    [Theory]
    [MemberData(nameof(FlakyCalls.Cases), MemberType = typeof(FlakyCalls))]
    public async Task A_transient_failure_is_retried_only_when_the_call_is_safe_to_repeat(string method, string safety, int expectedAttempts)
    {
        var id = Guid.NewGuid().ToString("N");

        using var response = await FlakyCalls.SendAsync(caller!.Services.GetRequiredService<IFlakyApi>(), method, safety, id);

        Assert.Equal(expectedAttempts, attempts[id]);
        Assert.Equal(expectedAttempts == 2 ? HttpStatusCode.NoContent : HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapPost("/connect/token", () => TypedResults.Json(new { access_token = "token", expires_in = 300 }));
        server.MapMethods("/flaky/{id}", ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH"], (string id, HttpResponse response) =>
        {
            if (attempts.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
            {
                return Results.NoContent();
            }
            response.Headers.RetryAfter = "0";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Downstream:flaky"] = address,
            ["Auth:Authority"] = address,
            ["Auth:ClientId"] = "caller",
            ["Auth:ClientSecret"] = "secret",
        });
        host.Services.Configure<AuthOptions>(host.Configuration.GetSection(AuthOptions.Section));
        host.AddApiClient<IFlakyApi>("system", "flaky");
        caller = host.Build();
    }

    public async Task DisposeAsync()
    {
        caller?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
