using System.Net.Http.Headers;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway, composed through the same extensions as its Program.cs, on a free loopback port, with a fake
/// clock and its log records captured (the audit categories at Information).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string? ownDataDirectory;

    private GatewayHost(WebApplication app, Uri address, FakeTimeProvider time, LogCapture logs, string? ownDataDirectory)
    {
        this.app = app;
        this.ownDataDirectory = ownDataDirectory;
        Address = address;
        Time = time;
        Logs = logs;
        Client = LoopbackApp.CreateClient(address);
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public FakeTimeProvider Time { get; }
    public LogCapture Logs { get; }
    public IServiceProvider Services => app.Services;

    /// <param name="services">Registrations added after the gateway's own (a test's fault injection).</param>
    public static async Task<GatewayHost> StartAsync(string catalogPath, TestIssuer issuer, IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null)
    {
        // The admin audit's database: the test's folder when it names one (to restart on it), else one of this host's own.
        var ownDataDirectory = settings.ContainsKey("Database:DataDirectory")
            ? null
            : Path.Combine(Path.GetTempPath(), "apiplatform-gateway-test-" + Guid.NewGuid().ToString("N"));
        var builder = LoopbackApp.CreateBuilder(
            new Dictionary<string, string?>
            {
                ["Database:DataDirectory"] = ownDataDirectory,
                ["Service:Name"] = "gateway",
                ["Service:Tier"] = "platform",
                ["Auth:Authority"] = issuer.Issuer,
                ["Auth:Issuer"] = issuer.Issuer,
                ["Catalog:Path"] = catalogPath,
                ["Logging:LogLevel:ApiPlatform.Gateway.Audit"] = "Information",
                ["Logging:LogLevel:ApiPlatform.Gateway.AdminAudit"] = "Information",
                // Tests read the audit records from the log capture; the audit's own output has a test of its own.
                ["Gateway:Audit:Output"] = settings.TryGetValue("Gateway:Audit:Output", out var output) ? output : "none",
            }.Where(setting => !settings.ContainsKey(setting.Key) || setting.Key == "Gateway:Audit:Output")
            .Concat(settings.Where(setting => setting.Key != "Gateway:Audit:Output")).ToDictionary(),
            typeof(GatewayExtensions).Assembly.GetName().Name);
        var logs = new LogCapture();
        builder.Logging.AddProvider(logs);
        builder.AddServiceDefaults();
        builder.AddGateway();
        services?.Invoke(builder.Services);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(time);

        var app = builder.Build();
        app.UseGatewayPolicies();
        app.MapDefaultEndpoints();
        app.MapGateway();
        var address = await LoopbackApp.StartAsync(app);
        return new GatewayHost(app, address, time, logs, ownDataDirectory);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null, Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Get, path, token, headers: headers);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, HttpContent? content = null,
        Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        headers?.Invoke(request.Headers);
        return await Client.SendAsync(request);
    }

    /// <summary>POSTs JSON text, with an Idempotency-Key when <paramref name="idempotencyKey"/> is given (sent as is).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string token, string json, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, token, new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            headers => { if (idempotencyKey is not null) { headers.TryAddWithoutValidation(PlatformHeaders.IdempotencyKey, idempotencyKey); } });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownDataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(ownDataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is left to the OS.
            }
        }
    }
}
