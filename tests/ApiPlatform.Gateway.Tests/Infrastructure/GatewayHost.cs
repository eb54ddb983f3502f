using System.Net.Http.Headers;
using ApiPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>The real gateway, composed through the same extensions as its Program.cs, on a free loopback port.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GatewayHost(WebApplication app, Uri address, FakeTimeProvider time)
    {
        this.app = app;
        Address = address;
        Time = time;
        Client = LoopbackApp.CreateClient(address);
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public FakeTimeProvider Time { get; }

    public static async Task<GatewayHost> StartAsync(string catalogPath, TestIssuer issuer, IDictionary<string, string?> settings)
    {
        var builder = LoopbackApp.CreateBuilder(
            new Dictionary<string, string?>(settings)
            {
                ["Service:Name"] = "gateway",
                ["Service:Tier"] = "platform",
                ["Auth:Authority"] = issuer.Issuer,
                ["Auth:Issuer"] = issuer.Issuer,
                ["Catalog:Path"] = catalogPath,
            },
            typeof(GatewayExtensions).Assembly.GetName().Name);
        builder.AddServiceDefaults();
        builder.AddGateway();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(time);

        var app = builder.Build();
        app.MapDefaultEndpoints(beforeAuthorization: pipeline => pipeline.UseGatewayLifecycle());
        app.MapGateway();
        var address = await LoopbackApp.StartAsync(app);
        return new GatewayHost(app, address, time);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token = null, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        headers?.Invoke(request.Headers);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
