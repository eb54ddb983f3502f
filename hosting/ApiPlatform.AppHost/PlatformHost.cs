using System.Security.Cryptography;

namespace ApiPlatform.AppHost;

/// <summary>
/// The whole platform in one process: one <see cref="WebApplication"/> per service, each with its own configuration,
/// port and database, calling the others over loopback HTTP as in production, plus an embedded Redis when none is given.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly List<(string Name, WebApplication App)> running = [];
    private readonly Dictionary<string, Dictionary<string, string?>> configurations = [];
    private Action<ILoggingBuilder>? logging;
    private Action<string, IServiceCollection>? serviceHook;
    private EmbeddedRedis? embeddedRedis;

    private PlatformHost(PlatformSettings settings) => Settings = settings;

    public PlatformSettings Settings { get; }

    /// <summary>Each service's own base URL (loopback), by api name; <c>gateway</c> is the public entry.</summary>
    public Dictionary<string, Uri> Urls { get; } = [];

    public Uri GatewayUrl => Urls["gateway"];

    /// <summary>What every service connects to Redis with (the embedded Garnet's includes its password).</summary>
    public string RedisConnectionString { get; private set; } = "";

    /// <summary>Whether <see cref="RedisConnectionString"/> is the embedded Garnet server this host started.</summary>
    public bool RedisIsEmbedded => embeddedRedis is not null;

    /// <summary>
    /// Starts every service. <paramref name="services"/> lets a test change one service's container by name (e.g. inject
    /// faults into its clients); the command-line AppHost passes none.
    /// </summary>
    public static async Task<PlatformHost> StartAsync(
        PlatformSettings settings, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default,
        Action<string, IServiceCollection>? services = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = new PlatformHost(settings);
            try
            {
                await host.StartAllAsync(logging, services, cancellationToken);
                return host;
            }
            catch (Exception e) when (attempt < 3 && host.ChoosesPorts && IsAddressInUse(e))
            {
                // A port this host chose was free when chosen and taken before its service bound it (another process
                // chose it too): start again on ports chosen anew. A port the settings fix is never chosen anew.
                await host.DisposeAsync();
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Whether some port is left to this host to choose (0 in the settings).</summary>
    private bool ChoosesPorts =>
        new Uri(Settings.PublicUrl).Port == 0 || Settings.EmbeddedRedisPort == 0 || Settings.Ports.Values.Any(p => p == 0);

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
                || e is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Stops one service, as if its process had died (for tests of how the others degrade).</summary>
    public async Task StopServiceAsync(string name)
    {
        var index = running.FindIndex(r => r.Name == name);
        if (index >= 0)
        {
            var (_, app) = running[index];
            running.RemoveAt(index);
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The service container of a running service, for tests that look inside.</summary>
    public IServiceProvider Services(string name) => running.Single(r => r.Name == name).App.Services;

    /// <summary>
    /// Starts another replica of a service, with the same configuration and database, on a free port of its own (for
    /// tests of how replicas share work: the gateway keeps routing to the first). Stopped with the platform.
    /// </summary>
    public Task<Uri> StartReplicaAsync(string name, CancellationToken cancellationToken = default) => StartReplicaAsync(name, null, cancellationToken);

    /// <summary>Another replica of a service, with <paramref name="overrides"/> on top of the service's configuration.</summary>
    public async Task<Uri> StartReplicaAsync(string name, IReadOnlyDictionary<string, string?>? overrides, CancellationToken cancellationToken = default)
    {
        var definition = PlatformServices.All.Single(d => d.Name == name);
        var configuration = new Dictionary<string, string?>(configurations[name]);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        for (var attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var app = ServiceConfiguration.Build(definition, Settings, configuration, url, logging, serviceHook);
            try
            {
                await StartOrStopAsync(app, cancellationToken);
            }
            catch (Exception e) when (attempt < 3 && IsAddressInUse(e))
            {
                // Taken since it was chosen: choose another.
                continue;
            }
            running.Add(($"{name}#{running.Count(r => r.Name.StartsWith(name + "#", StringComparison.Ordinal)) + 2}", app));
            return url;
        }
    }

    private async Task StartAllAsync(Action<ILoggingBuilder>? logging, Action<string, IServiceCollection>? services, CancellationToken cancellationToken)
    {
        this.logging = logging;
        serviceHook = services;
        OwnerOnlyData.Prepare(Settings.DataDirectory);
        var definitions = PlatformServices.All;
        var gatewayUri = new Uri(Settings.PublicUrl);
        // The port the settings give a service; 0 means one is chosen.
        int SettingsPort(int i) => definitions[i].Name == "gateway" ? gatewayUri.Port
            : Settings.Ports.TryGetValue(definitions[i].Name, out var configured) ? configured : 5100 + i;

        // The ports the settings fix are taken before any is chosen, so that none is chosen for another service.
        for (var i = 0; i < definitions.Count; i++)
        {
            if (SettingsPort(i) is var fixedPort and not 0)
            {
                FreePort.Reserve(fixedPort);
            }
        }
        RedisConnectionString = Settings.RedisConnectionString is { Length: > 0 } external ? external : StartEmbeddedRedis();
        for (var i = 0; i < definitions.Count; i++)
        {
            var name = definitions[i].Name;
            var port = SettingsPort(i) is var given and not 0 ? given : FreePort.Next();
            Urls[name] = new Uri($"http://{(name == "gateway" ? gatewayUri.Host : "127.0.0.1")}:{port}/");
        }

        var issuer = Urls["gateway"].AbsoluteUri;
        var serviceSecrets = definitions.Where(d => d.HasServiceClient)
            .ToDictionary(d => d.Name, _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        foreach (var definition in definitions)
        {
            var configuration = ServiceConfiguration.For(definition, this, issuer, serviceSecrets);
            configurations[definition.Name] = configuration;
            var app = ServiceConfiguration.Build(definition, Settings, configuration, Urls[definition.Name], logging, services);
            await StartOrStopAsync(app, cancellationToken);
            running.Add((definition.Name, app));
        }
    }

    /// <summary>
    /// Starts a service; if it fails (its port taken, say), stops what it started before failing (its hosted services
    /// start before its server binds), so that a failed start leaves no worker of it running.
    /// </summary>
    private static async Task StartOrStopAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            try
            {
                await app.StopAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // Stopping what half started may fail too; the start's failure is the one to report.
            }
            await app.DisposeAsync();
            throw;
        }
    }

    private string StartEmbeddedRedis()
    {
        embeddedRedis = EmbeddedRedis.Start(Settings.EmbeddedRedisPort == 0 ? FreePort.Next() : Settings.EmbeddedRedisPort);
        return embeddedRedis.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = running.Count - 1; i >= 0; i--)
        {
            await running[i].App.StopAsync();
            await running[i].App.DisposeAsync();
        }
        running.Clear();
        embeddedRedis?.Dispose();
    }
}
