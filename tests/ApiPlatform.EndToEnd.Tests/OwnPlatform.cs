using System.Net;
using System.Net.Http.Headers;
using ApiPlatform.AppHost;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// A platform of its own beside the shared one, in-process on free ports and a private data folder: PostgreSQL when the
/// suite runs on it (databases of its own), SQLite otherwise; always the embedded Garnet and messaging, so that its
/// events never reach the shared platform's consumers. Start it only in a collection that is not run in parallel: two
/// platforms picking free ports at once could pick the same.
/// </summary>
internal sealed class OwnPlatform : IAsyncDisposable
{
    private readonly TempDirectory dataDirectory;

    private OwnPlatform(TempDirectory dataDirectory, PlatformHost platform)
    {
        this.dataDirectory = dataDirectory;
        Platform = platform;
    }

    public PlatformHost Platform { get; }

    /// <param name="configuration">Settings every service reads, given the platform's data folder.</param>
    public static async Task<OwnPlatform> StartAsync(string name, Func<string, Dictionary<string, string?>> configuration, LogLevel logLevel = LogLevel.Warning)
    {
        var dataDirectory = new TempDirectory($"e2e-{name}");
        var postgres = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_POSTGRES");
        var platform = await PlatformHost.StartAsync(new PlatformSettings
        {
            PublicUrl = "http://127.0.0.1:0",
            DataDirectory = dataDirectory.Path,
            Ports = PlatformServices.All.ToDictionary(s => s.Name, _ => 0),
            EmbeddedRedisPort = 0,
            DatabaseProvider = postgres is { Length: > 0 } ? "postgres" : "sqlite",
            PostgresConnectionTemplate = postgres is { Length: > 0 } ? $"{postgres};Database={{database}}_{Guid.NewGuid().ToString("N")[..8]}" : null,
            SharedConfiguration = configuration(dataDirectory.Path),
        }, logging => logging.SetMinimumLevel(logLevel).AddSimpleConsole());
        return new OwnPlatform(dataDirectory, platform);
    }

    /// <summary>A client of the gateway that sends a current client-credentials token of one of the development clients.</summary>
    public Task<HttpClient> ClientAsync(string clientId, string secret) =>
        Task.FromResult(new RenewingToken(Platform.GatewayUrl, clientId, secret).Client());

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        dataDirectory.Dispose();
    }
}
