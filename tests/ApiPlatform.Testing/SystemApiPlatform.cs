using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.AppHost;
using Microsoft.Extensions.Logging;
using WireMock.Server;

namespace ApiPlatform.Testing;

/// <summary>
/// The whole platform on free loopback ports through the AppHost's own code, on SQLite or on PostgreSQL, with the
/// extra configuration a test collection needs (e.g. tenants served by vendor CRMs stood in for by WireMock).
/// Callers go through the gateway with real tokens from the token server.
/// </summary>
public abstract class SystemApiPlatform : IAsyncLifetime
{
    // The platform picks free ports before it binds them: two platforms starting at once could pick the same one.
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private readonly TempDirectory dataDirectory = new("sys");
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new();

    public PlatformHost Platform { get; private set; } = null!;

    /// <summary>False when the collection needs PostgreSQL and APIPLATFORM_TEST_POSTGRES is not set: its tests skip.</summary>
    public bool Available { get; private set; }

    protected abstract bool OnPostgres { get; }

    protected virtual Dictionary<string, string?> Configuration() => [];

    /// <summary>The WireMock stand-ins of vendor systems the collection started; stopped with the platform.</summary>
    protected virtual IEnumerable<WireMockServer> Vendors => [];

    public virtual async Task InitializeAsync()
    {
        var postgres = TestPostgres.ConnectionString;
        if (OnPostgres && postgres is null)
        {
            return;
        }

        var shared = Configuration();
        // The product's 300 ms bound on an idempotency-store call is for a warm store on a machine that is not running
        // a test suite per core; here the first claim of a collection can wait longer than that for the embedded store,
        // and the test would see the 503 it is not about. Tests of that 503 set their own bound.
        shared.TryAdd("Gateway:Idempotency:StoreTimeout", "00:00:05");
        var settings = new PlatformSettings
        {
            PublicUrl = "http://127.0.0.1:0",
            DataDirectory = dataDirectory.Path,
            Ports = PlatformServices.All.ToDictionary(s => s.Name, _ => 0),
            EmbeddedRedisPort = 0,
            DatabaseProvider = OnPostgres ? "postgres" : "sqlite",
            PostgresConnectionTemplate = OnPostgres ? $"{postgres};Database={{database}}_{Guid.NewGuid().ToString("N")[..8]}" : null,
            SharedConfiguration = shared,
        };
        await Starting.WaitAsync();
        try
        {
            Platform = await PlatformHost.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        }
        finally
        {
            Starting.Release();
        }
        Available = true;
    }

    /// <summary>A client of the gateway with a token of one of the development clients.</summary>
    public async Task<HttpClient> ClientAsync(string clientId = "integration-app", string secret = "integration-secret")
    {
        var client = new HttpClient { BaseAddress = Platform.GatewayUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, secret));
        return client;
    }

    /// <summary>
    /// A client of one service itself, past the gateway (paths <c>/v1/...</c>), with the same token: for what the
    /// service does with a retried write when the gateway's own idempotency record is gone.
    /// </summary>
    public async Task<HttpClient> DirectClientAsync(string api, string clientId = "integration-app", string secret = "integration-secret")
    {
        var client = new HttpClient { BaseAddress = Platform.Urls[api] };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, secret));
        return client;
    }

    // One token request per client for the whole collection, however many tests ask at once: the gateway limits how
    // often one address may call the token endpoint.
    private Task<string> TokenAsync(string clientId, string secret) =>
        tokens.GetOrAdd(clientId, _ => new Lazy<Task<string>>(() => RequestTokenAsync(clientId, secret))).Value;

    private async Task<string> RequestTokenAsync(string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = Platform.GatewayUrl };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token for {clientId}: {(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
        foreach (var vendor in Vendors)
        {
            vendor.Stop();
        }

        dataDirectory.Dispose();
    }
}

/// <summary>The platform on PostgreSQL with embedded systems of record; its tests skip when APIPLATFORM_TEST_POSTGRES is not set.</summary>
public sealed class PostgresPlatform : SystemApiPlatform
{
    protected override bool OnPostgres => true;
}
