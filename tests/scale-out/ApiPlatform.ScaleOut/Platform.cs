using System.Net.Sockets;
using System.Text.Json;
using ApiPlatform.AppHost;
using Npgsql;

namespace ApiPlatform.ScaleOut;

/// <summary>
/// The platform as separate processes on one machine, laid out as on Kubernetes: each service's database brought to
/// its version by a migrate-only run first (its Job), then its replicas, none of which migrates; HAProxy in front of the
/// gateways and of every service, routing by readiness; real redis-server and PostgreSQL.
/// </summary>
internal sealed class Platform : IAsyncDisposable
{
    /// <summary>Two replicas of the gateway, crm and every process API; one of the others.</summary>
    public static readonly IReadOnlyDictionary<string, int> ReplicaCounts = PlatformServices.All.ToDictionary(
        s => s.Name, s => s.Name is "gateway" or "crm" || s.Tier == "process" ? 2 : 1);

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string repository;
    private readonly string work;
    private readonly Dictionary<string, int> servicePorts = [];
    private readonly Dictionary<string, string> secrets;
    private HaProxy? haproxy;
    private readonly Dictionary<string, int[]> slots = [];
    private string redisConnection = "";
    private string postgresServer = "";
    private string buildConfiguration = "Release";

    private Platform(string repository, string work)
    {
        this.repository = repository;
        this.work = work;
        var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository, "gateway/ApiPlatform.Identity/appsettings.Development.json")));
        secrets = development.RootElement.GetProperty("Identity").GetProperty("Clients").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("Secret").GetString()!);
    }

    public List<Replica> Replicas { get; } = [];

    public Uri PublicUrl { get; private set; } = null!;

    public static HttpClient Prober => Probe;

    public string Secret(string clientId) => secrets[clientId];

    public static async Task<Platform> StartAsync(string repository, string work, string redis, string postgres, string configuration)
    {
        var platform = new Platform(repository, work);
        try
        {
            await platform.StartAllAsync(redis, postgres, configuration);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(string redis, string postgres, string configuration)
    {
        redisConnection = redis;
        postgresServer = postgres;
        buildConfiguration = configuration;
        var logs = Directory.CreateDirectory(Path.Combine(work, "logs")).FullName;
        var publicPort = FreePort();
        PublicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
        foreach (var service in PlatformServices.All.Where(s => s.Name != "gateway"))
        {
            servicePorts[service.Name] = FreePort();
        }

        foreach (var service in PlatformServices.All)
        {
            var dll = ServiceDll(service);
            var environment = Environment(service);
            await RecreateDatabaseAsync(postgres, DatabaseName(service.Name));
            Console.WriteLine($"  {service.Name}: migrate-only run (its Kubernetes Job)");
            await Replica.MigrateAsync(service.Name, dll, environment, logs);
            slots[service.Name] = [FreePort(), FreePort()];
            for (var i = 1; i <= ReplicaCounts[service.Name]; i++)
            {
                Replicas.Add(new Replica(service.Name, i, slots[service.Name][i - 1], dll, environment, logs));
            }
        }

        haproxy = new HaProxy(Directory.CreateDirectory(Path.Combine(work, "haproxy")).FullName, publicPort, servicePorts);
        await haproxy.StartAsync(slots);
        foreach (var kind in Replicas.GroupBy(r => r.Service))
        {
            foreach (var replica in kind)
            {
                replica.Start();
            }
            foreach (var replica in kind)
            {
                await replica.WaitReadyAsync(Probe, TimeSpan.FromMinutes(2));
            }
            Console.WriteLine($"  {kind.Key}: {kind.Count()} replica(s) ready on {string.Join(", ", kind.Select(r => r.Port))}");
        }
        // HAProxy routes to a replica once two probes have passed.
        await Task.Delay(HaProxy.SeesChange);
    }

    /// <summary>Another process of <paramref name="like"/>'s kind on the service's free slot, started and ready.</summary>
    public async Task<Replica> StartReplicaAsync(Replica like)
    {
        var definition = PlatformServices.All.Single(s => s.Name == like.Service);
        var busy = Replicas.Where(r => r.Service == like.Service && r.IsRunning).Select(r => r.Port).ToHashSet();
        var replica = new Replica(like.Service, Replicas.Where(r => r.Service == like.Service).Max(r => r.Index) + 1,
            slots[like.Service].First(port => !busy.Contains(port)), ServiceDll(definition), Environment(definition), Path.Combine(work, "logs"));
        Replicas.Add(replica);
        replica.Start();
        await replica.WaitReadyAsync(Probe, TimeSpan.FromMinutes(2));
        return replica;
    }

    /// <summary>Starts a stopped replica again on its own port and waits until it is ready.</summary>
    public async Task RestartAsync(Replica replica)
    {
        replica.Start();
        await replica.WaitReadyAsync(Probe, TimeSpan.FromMinutes(2));
    }

    public NpgsqlConnection Database(string service) =>
        new(new NpgsqlConnectionStringBuilder(postgresServer) { Database = DatabaseName(service) }.ConnectionString);

    private Dictionary<string, string> Environment(ServiceDefinition service)
    {
        var data = Directory.CreateDirectory(Path.Combine(work, "data")).FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Service__Name"] = service.Name,
            ["Service__Tier"] = service.Tier,
            ["Auth__Authority"] = $"http://127.0.0.1:{servicePorts["identity"]}/",
            ["Auth__Issuer"] = PublicUrl.AbsoluteUri,
            ["Database__Provider"] = "postgres",
            ["Database__DataDirectory"] = data,
            ["Database__ApplyMigrations"] = "false",
            ["ConnectionStrings__redis"] = redisConnection,
            ["Messaging__Transport"] = "redis",
            ["Identity__SigningKeys__Path"] = Path.Combine(data, "identity-keys"),
            ["Catalog__Path"] = Path.Combine(repository, "contracts", "catalog"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            // On SIGTERM: not ready at once, still serving for 3 s (HAProxy notices within about 1 s), then the listener stops.
            ["Shutdown__DrainDelay"] = "00:00:03",
        };
        environment[$"ConnectionStrings__{service.Name}"] =
            new NpgsqlConnectionStringBuilder(postgresServer) { Database = DatabaseName(service.Name), MaxPoolSize = 40 }.ConnectionString;
        if (service.HasServiceClient)
        {
            environment["Auth__ClientId"] = $"svc-{service.Name}";
            environment["Auth__ClientSecret"] = secrets[$"svc-{service.Name}"];
        }
        foreach (var downstream in service.Downstream)
        {
            environment[$"Downstream__{downstream}"] = $"http://127.0.0.1:{servicePorts[downstream]}/";
        }
        if (service.Name == "identity")
        {
            // A service's build output leaves its appsettings.Development.json out: every client's secret comes from here.
            foreach (var (clientId, secret) in secrets)
            {
                environment[$"Identity__Clients__{clientId}__Secret"] = secret;
            }
        }
        if (service.Name == "gateway")
        {
            foreach (var api in PlatformServices.All.Where(s => s.Tier is "system" or "process" or "experience"))
            {
                environment[$"Gateway__Upstreams__{api.Name}"] = $"http://127.0.0.1:{servicePorts[api.Name]}/";
            }
            environment["Gateway__ReplicaCount"] = "2";
            // The background load's client gets a plan that does not limit it: its 429s would hide the failures this counts.
            environment["Gateway__Plans__internal__Requests"] = "10000000";
            environment["Gateway__Plans__internal__WindowSeconds"] = "60";
            environment["Gateway__Plans__internal__Burst"] = "1000000";
        }
        return environment;
    }

    private string ServiceDll(ServiceDefinition service)
    {
        var configuration = buildConfiguration;
        var name = service.Assembly.GetName().Name!;
        var project = Directory.EnumerateFiles(repository, name + ".csproj", SearchOption.AllDirectories).Single();
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the solution with -c {configuration} first");
    }

    private static string DatabaseName(string service) => "apiplatform_scaleout_" + service.Replace('-', '_');

    private static async Task RecreateDatabaseAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Replicas.Where(r => r.IsRunning).Select(async replica =>
        {
            try
            {
                await replica.TerminateAsync(Probe, TimeSpan.FromSeconds(40));
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"  {e.Message}");
            }
        }));
        haproxy?.Stop();
    }
}
