using ApiPlatform.AppHost;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// A platform of its own for a crash proof: the AppHost as a child process on a private data folder and gateway port,
/// killed by its PID (SIGKILL) and started again on the same data as often as the proof likes. PostgreSQL when the
/// suite runs on it (databases of their own), SQLite otherwise.
/// </summary>
internal sealed class KillablePlatform(string databaseProvider, IReadOnlyDictionary<string, string> environment) : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "apiplatform-crash-" + Guid.NewGuid().ToString("N"));
    private AppHostProcess? host;

    // Below the kernel's ephemeral range (FreePort), so that no outgoing connection takes it while the child is down
    // between a kill and its restart on the same port.
    public Uri Gateway { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Platform:PublicUrl"] = Gateway.AbsoluteUri.TrimEnd('/'),
            ["Platform:DataDirectory"] = data,
            ["Platform:EmbeddedRedisPort"] = "0",
            ["Platform:DatabaseProvider"] = databaseProvider,
        };
        foreach (var service in PlatformServices.All.Where(s => s.Name != "gateway"))
        {
            settings[$"Platform:Ports:{service.Name}"] = "0";
        }
        if (Environment.GetEnvironmentVariable("APIPLATFORM_TEST_POSTGRES") is { Length: > 0 } postgres)
        {
            settings["Platform:PostgresConnectionTemplate"] = $"{postgres};Database={{database}}_crash_{Path.GetFileName(data)[^8..]}";
        }
        var all = new Dictionary<string, string>
        {
            // Every service of the child reads these (environment variables reach each service's configuration).
            ["Workflows__PollInterval"] = "00:00:00.050",
            ["Workflows__RetryBaseDelay"] = "00:00:00.050",
            ["Workflows__RetryMaxDelay"] = "00:00:00.500",
        };
        foreach (var (key, value) in environment)
        {
            all[key] = value;
        }
        host?.Dispose();
        host = await AppHostProcess.StartAsync(Gateway, settings, all);
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would stop it.</summary>
    public void Kill() => host?.Kill();

    /// <summary>A client of the gateway that sends a current client-credentials token (fetched again after a restart when due).</summary>
    public Task<HttpClient> ClientAsync(string clientId, string secret) => Task.FromResult(new RenewingToken(Gateway, clientId, secret).Client());

    public void Dispose()
    {
        host?.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
