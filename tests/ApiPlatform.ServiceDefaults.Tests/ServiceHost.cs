using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults.Tests;

/// <summary>A small real service built with the shared defaults, on a free loopback port.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServiceHost(WebApplication app, Uri address)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Stops the host as SIGTERM does.</summary>
    public Task StopAsync() => app.StopAsync();

    public static async Task<ServiceHost> StartAsync(string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = typeof(ServiceHost).Assembly.GetName().Name });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "sample",
            ["Service:Tier"] = "system",
            // Never contacted: these tests send no bearer token.
            ["Auth:Authority"] = "https://127.0.0.1:9/",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults().AddVersionedApis();
        builder.Services.AddValidatorsFrom<GreetingValidator>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        var v1 = app.MapApiVersion("sample", 1);
        v1.MapPost("/greetings", (Greeting greeting) => TypedResults.Ok(greeting)).WithValidation<Greeting>().AllowAnonymous();
        v1.MapGet("/boom", IResult () => throw new InvalidOperationException("secret internals")).AllowAnonymous();
        v1.MapGet("/protected", () => "hidden");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
