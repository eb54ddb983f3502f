using System.Net;
using System.Net.Sockets;
using ApiPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Identity.Tests;

/// <summary>The real identity service on a loopback port, built through the same extensions as Program.cs.</summary>
public sealed class IdentityHost : IAsyncDisposable
{
    public const string Issuer = "https://gateway.test/";

    private readonly WebApplication app;

    private IdentityHost(WebApplication app, Uri address, HttpClient client)
    {
        this.app = app;
        Address = address;
        Client = client;
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<IdentityHost> StartAsync(
        string dataDirectory,
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool? https = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataDirectory, environment, settings, services, https);
            }
            catch (IOException e) when (attempt < 3 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // The port was free when chosen and something (an outgoing connection of another test) took it
                // before the server bound it: choose another.
            }
        }
    }

    private static async Task<IdentityHost> StartOnceAsync(
        string dataDirectory, string environment, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services, bool? https)
    {
        // The server accepts plain http only in Development, so other environments are served over TLS by default.
        var secure = https ?? environment != Environments.Development;
        var port = FreePort();
        var address = new Uri($"{(secure ? "https" : "http")}://127.0.0.1:{port}/");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(IdentityServerExtensions).Assembly.GetName().Name,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(TestSettings.For(address, dataDirectory));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (secure)
            {
                listen.UseHttps(TestCertificate.Certificate);
            }
        }));

        builder.AddServiceDefaults();
        builder.AddIdentityServer();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIdentityServer();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // Its hosted services start before the server binds: stop them too.
            await app.StopAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            await app.DisposeAsync();
            throw;
        }

#pragma warning disable CA2000 // The host owns the handler and client and disposes them with itself.
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => TestCertificate.IsTrusted(certificate) };
        return new IdentityHost(app, address, new HttpClient(handler) { BaseAddress = address });
#pragma warning restore CA2000
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
