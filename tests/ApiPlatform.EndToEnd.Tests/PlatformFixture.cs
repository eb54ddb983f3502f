using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.AppHost;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started in-process through the AppHost's own code on free loopback ports: embedded Garnet and
/// SQLite by default, or a real Redis and PostgreSQL when APIPLATFORM_TEST_REDIS / APIPLATFORM_TEST_POSTGRES are set.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly TempDirectory dataDirectory = new("e2e");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RenewingToken> tokens = new();

    public PlatformHost Platform { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Faults the quote-to-cash tests inject into its calls to the system APIs, per business transaction.</summary>
    public QuoteToCash.StepFaults Faults { get; } = new();

    /// <summary>Account names whose sync to erp fails, so their events become erp dead letters (the console tests).</summary>
    public Console.PoisonedCustomers PoisonedCustomers { get; } = new();

    public string DatabaseProvider => Environment.GetEnvironmentVariable("APIPLATFORM_TEST_POSTGRES") is { Length: > 0 } ? "postgres" : "sqlite";

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_POSTGRES");
        var runId = Guid.NewGuid().ToString("N")[..8];
        var settings = new PlatformSettings
        {
            PublicUrl = "http://127.0.0.1:0",
            DataDirectory = dataDirectory.Path,
            Ports = PlatformServices.All.ToDictionary(s => s.Name, _ => 0),
            EmbeddedRedisPort = 0,
            RedisConnectionString = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_REDIS"),
            DatabaseProvider = DatabaseProvider,
            PostgresConnectionTemplate = postgres is { Length: > 0 } ? $"{postgres};Database={{database}}_{runId}" : null,
            SharedConfiguration = new()
            {
                ["Catalog:Path"] = TestCatalog.Create(Path.Combine(dataDirectory.Path, "catalog")),
                ["Gateway:UsageFlushInterval"] = "00:00:00.200",
                // Quote-to-cash: quick retries, so a system that keeps failing is given up on within a second or two;
                // an approval counts as stalled after a second; MAN-TECH-DOC is a subscription line (billing step).
                ["Workflows:PollInterval"] = "00:00:00.050",
                ["Workflows:RetryBaseDelay"] = "00:00:00.050",
                ["Workflows:RetryMaxDelay"] = "00:00:00.300",
                ["Workflows:StepSla:quote-to-cash.order:approval"] = "00:00:01",
                ["QuoteToCash:SubscriptionPrices:MAN-TECH-DOC"] = "price_platform_pro_monthly",
                // Analytics: a transaction waiting for approval counts as stalled after a second.
                ["Analytics:Slas:approval"] = "00:00:01",
                // Procure-to-pay: requisitions of the category "rush" need one approval level within two seconds.
                ["ProcureToPay:Approval:Categories:rush:AutoApproveBelow"] = "0",
                ["ProcureToPay:Approval:Categories:rush:SecondLevelFrom"] = "1000000",
                ["ProcureToPay:Approval:Categories:rush:Deadline"] = "00:00:02",
                // System APIs report their connectors and messaging every 5 s (not every minute), so integration health has data.
                ["ConnectorHealth:SampleInterval"] = "00:00:05",
            },
        };
        if (settings.RedisConnectionString is { Length: > 0 })
        {
            // A real Redis has streams (the embedded Garnet has not): integration events then travel on Redis Streams.
            settings.SharedConfiguration["Messaging:Transport"] = "redis";
        }
        Platform = await PlatformHost.StartAsync(
            settings, logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(),
            services: (name, services) =>
            {
                if (name == "quote-to-cash")
                {
                    Faults.AddTo(services);
                }
                if (name == "erp")
                {
                    PoisonedCustomers.AddTo(services);
                }
            });
        Gateway = new HttpClient { BaseAddress = Platform.GatewayUrl };
    }

    /// <summary>A current token from the token server, through the gateway, for one of the development clients.</summary>
    public Task<string> TokenAsync(string clientId, string secret, string? scope = null) => Token(clientId, secret, scope).GetAsync();

    /// <summary>A client of the gateway that sends a current token of one of the development clients with every request.</summary>
    public Task<HttpClient> ClientAsync(string clientId, string secret) => Task.FromResult(Token(clientId, secret).Client());

    private RenewingToken Token(string clientId, string secret, string? scope = null) =>
        tokens.GetOrAdd($"{clientId}|{scope}", _ => new RenewingToken(Platform.GatewayUrl, clientId, secret, scope));

    public Task<HttpClient> AcmeAsync() => ClientAsync("partner-acme", "acme-secret");

    public Task<HttpClient> GlobexAsync() => ClientAsync("partner-globex", "globex-secret");

    public Task<HttpClient> IntegrationAppAsync() => ClientAsync("integration-app", "integration-secret");

    public Task<HttpClient> SalesAppAsync() => ClientAsync("sales-app", "sales-secret");

    public Task<HttpClient> FinanceAppAsync() => ClientAsync("finance-app", "finance-secret");

    public Task<HttpClient> ProcurementAppAsync() => ClientAsync("procurement-app", "procurement-secret");

    public Task<HttpClient> AdminAsync() => ClientAsync("platform-admin", "admin-secret");

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        dataDirectory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
