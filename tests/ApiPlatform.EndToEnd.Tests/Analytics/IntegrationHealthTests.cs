using System.Net;
using System.Text.Json;
using ApiPlatform.AppHost;
using ApiPlatform.Messaging.Transports;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ApiPlatform.EndToEnd.Tests.Analytics;

/// <summary>
/// A failing connector call seen in integration health, through the gateway with real tokens: tenant initech's CRM is
/// Salesforce (WireMock), whose answer breaks the canonical mapping.
/// </summary>
[Collection(IntegrationHealthCollection.Name)]
public sealed class IntegrationHealthTests(IntegrationHealthPlatform platform)
{
    private const string Health = "/experience/analytics/v1/integration-health";

    [Fact]
    public async Task A_salesforce_answer_that_breaks_the_mapping_is_a_502_counted_in_integration_health_and_against_crms_slo()
    {
        platform.Salesforce.Given(IntegrationHealthPlatform.Soql("FROM Contact")).RespondWith(IntegrationHealthPlatform.Json(200,
            """{"totalSize":0,"done":true,"records":[]}"""));
        platform.Salesforce.Given(IntegrationHealthPlatform.Soql("FROM Account")).RespondWith(IntegrationHealthPlatform.Json(200, """
            {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Account"},"Id":"001RO00000AbCdEYAV","Name":"Initech",
             "ParentId":null,"BillingCountryCode":"US","CurrencyIsoCode":"Dollars","Industry":"Software","LastModifiedDate":"2026-11-02T09:15:00.000+0000"}]}
            """));
        using var sales = await platform.ClientAsync("sales-app", "sales-secret");

        await (await sales.GetAsync("/system/crm/v1/contacts?tenant=initech")).AssertJsonAsync(HttpStatusCode.OK);
        var problem = await (await sales.GetAsync("/system/crm/v1/accounts?tenant=initech")).AssertProblemAsync(HttpStatusCode.BadGateway, "upstream-error");
        Assert.Equal("salesforce", problem.GetProperty("system").GetString());

        var salesforce = await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Health}?system=crm")).AssertJsonAsync(HttpStatusCode.OK);
            var connector = body.GetProperty("systems").EnumerateArray().Where(s => s.GetProperty("system").GetString() == "crm")
                .SelectMany(s => s.GetProperty("connectors").EnumerateArray()).FirstOrDefault(c => c.GetProperty("connector").GetString() == "salesforce");
            return connector.ValueKind == JsonValueKind.Object && connector.GetProperty("mappingFailures").GetInt64() >= 1
                && connector.GetProperty("calls").GetInt64() >= 2 && HasMappingFailure(connector) ? connector : default;
        });
        var field = salesforce.GetProperty("mappingFailuresByField").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "Account.CurrencyIsoCode");
        Assert.StartsWith("GET /services/data/", field.GetProperty("lastVendorOperation").GetString(), StringComparison.Ordinal);
        Assert.Contains(salesforce.GetProperty("failures").EnumerateArray(),
            f => f.GetProperty("status").GetInt32() == 502 && f.GetProperty("cause").GetString() == "mapping");
        Assert.True(salesforce.GetProperty("errorRate").GetDouble() is > 0 and < 1);
        Assert.Equal(JsonValueKind.Number, salesforce.GetProperty("latencyP99Ms").ValueKind);

        // The gateway measured both calls to crm v1: the 502 is a server error against crm's declared 99.9 %.
        using var admin = await platform.ClientAsync("platform-admin", "admin-secret");
        var slo = await (await admin.GetAsync("/catalog/apis/crm/v1/slo")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(slo.GetProperty("requests").GetInt64() >= 2);
        Assert.True(slo.GetProperty("serverErrors").GetInt64() >= 1);
        Assert.Equal(99.9, slo.GetProperty("declaredAvailability").GetDouble());
        Assert.False(slo.GetProperty("availabilityMet").GetBoolean());
        Assert.False(slo.GetProperty("compliant").GetBoolean());
        await (await sales.GetAsync("/catalog/apis/crm/v1/slo")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [SkippableFact]
    public async Task The_consoles_integration_health_page_shows_the_failing_connector_and_the_traffic_page_its_consumer()
    {
        platform.Salesforce.Given(IntegrationHealthPlatform.Soql("FROM Account")).RespondWith(IntegrationHealthPlatform.Json(200, """
            {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Account"},"Id":"001RO00000AbCdEYAV","Name":"Initech",
             "ParentId":null,"BillingCountryCode":"US","CurrencyIsoCode":"Dollars","Industry":"Software","LastModifiedDate":"2026-11-02T09:15:00.000+0000"}]}
            """));
        using var sales = await platform.ClientAsync("sales-app", "sales-secret");
        await (await sales.GetAsync("/system/crm/v1/accounts?tenant=initech")).AssertProblemAsync(HttpStatusCode.BadGateway, "upstream-error");
        await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Health}?system=crm")).AssertJsonAsync(HttpStatusCode.OK);
            return body.GetProperty("systems").EnumerateArray().SelectMany(s => s.GetProperty("connectors").EnumerateArray())
                .Any(c => c.GetProperty("connector").GetString() == "salesforce" && c.GetProperty("mappingFailures").GetInt64() >= 1 && HasMappingFailure(c));
        });

        var plan = Path.Combine(Path.GetTempPath(), $"console-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(plan, JsonSerializer.Serialize(new
        {
            user = "ada", password = "ada-dev-password", consumersOf = new { api = "crm", major = 1 },
            screenshots = Path.Combine(PortalBrowserCheck.RepositoryRoot, "artifacts", "test-results", "console", "integration-health-platform"),
        }));
        JsonElement check;
        try
        {
            check = await PortalBrowserCheck.RunAsync("check-console.mjs", TimeSpan.FromMinutes(3), platform.Platform.GatewayUrl.AbsoluteUri, plan);
        }
        finally
        {
            File.Delete(plan);
        }

        Assert.Empty(check.GetProperty("errors").EnumerateArray());
        var health = check.GetProperty("pages").GetProperty("health");
        Assert.Empty(health.GetProperty("errors").EnumerateArray());
        var salesforce = Assert.Single(health.GetProperty("connectorRows").EnumerateArray(), r => r.GetProperty("connector").GetString() == "salesforce");
        Assert.Equal("crm", salesforce.GetProperty("system").GetString());
        Assert.True(salesforce.GetProperty("calls").GetInt64() >= 2, salesforce.ToString());
        Assert.True(salesforce.GetProperty("mappingFailures").GetInt64() >= 1, salesforce.ToString());
        Assert.Contains("502 mapping", salesforce.GetProperty("failures").GetString(), StringComparison.Ordinal);
        Assert.Contains("Account.CurrencyIsoCode", salesforce.GetProperty("fields").GetString(), StringComparison.Ordinal);
        // The traffic page charts sales-app's calls of crm v1, the 502 among them, per consumer.
        var traffic = check.GetProperty("pages").GetProperty("traffic");
        Assert.Equal(2, traffic.GetProperty("consumerCharts").GetInt32());
        var row = Assert.Single(traffic.GetProperty("consumerRows").EnumerateArray(), r => r.GetProperty("client").GetString() == "sales-app");
        Assert.True(row.GetProperty("requests").GetInt64() >= 1, traffic.ToString());
    }

    [Fact]
    public async Task A_dead_letter_of_a_process_api_shows_in_integration_health()
    {
        // A message on crm's stream that is no CloudEvent: quote-to-cash's consumer group dead-letters it at once.
        var transport = platform.Platform.Services("quote-to-cash").GetRequiredService<IMessageTransport>();
        await transport.PublishAsync("crm", ["""{"poison":"not a CloudEvent"}"""], default);
        using var sales = await platform.ClientAsync("sales-app", "sales-secret");

        var messaging = await EventuallyAsync(async () =>
        {
            var body = await (await sales.GetAsync($"{Health}?system=quote-to-cash")).AssertJsonAsync(HttpStatusCode.OK);
            var system = body.GetProperty("systems").EnumerateArray().FirstOrDefault(s => s.GetProperty("system").GetString() == "quote-to-cash");
            return system.ValueKind == JsonValueKind.Object && system.GetProperty("messaging") is { ValueKind: JsonValueKind.Object } m
                && m.GetProperty("deadLetters").GetInt64() >= 1 ? system : default;
        });
        Assert.Empty(messaging.GetProperty("connectors").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, messaging.GetProperty("messaging").GetProperty("outboxLagSeconds").ValueKind);
    }

    [Fact]
    public async Task A_partner_is_refused_and_a_backwards_window_is_a_validation_problem()
    {
        using var acme = await platform.ClientAsync("partner-acme", "acme-secret");
        using var sales = await platform.ClientAsync("sales-app", "sales-secret");

        await (await acme.GetAsync(Health)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await sales.GetAsync($"{Health}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    // The mapping failure's own event and the connector sample counting the failed call arrive separately (the sample
    // up to ConnectorHealth:SampleInterval later): wait for both.
    private static bool HasMappingFailure(JsonElement connector) => connector.GetProperty("failures").EnumerateArray()
        .Any(f => f.GetProperty("status").GetInt32() == 502 && f.GetProperty("cause").GetString() == "mapping");

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (!EqualityComparer<T>.Default.Equals(value, default) || DateTime.UtcNow > deadline)
            {
                Assert.False(EqualityComparer<T>.Default.Equals(value, default), "integration health never showed the failure");
                return value;
            }
            await Task.Delay(200);
        }
    }
}

/// <summary>The platform with tenant initech on a Salesforce org stood in for by WireMock, sampling connector and messaging health every second.</summary>
public sealed class IntegrationHealthPlatform : IAsyncLifetime
{
    private OwnPlatform own = null!;

    public WireMockServer Salesforce { get; } = WireMockServer.Start();

    public PlatformHost Platform => own.Platform;

    public async Task InitializeAsync()
    {
        Salesforce.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost()).RespondWith(Json(200, """
            {"access_token":"00D5g000004XyZ!AQ8AQH.initech-e2e-token","instance_url":"https://initech.my.salesforce.com",
             "id":"https://login.salesforce.com/id/00D5g000004XyZEAA/0055g00000AbCdEAAZ","token_type":"Bearer","issued_at":"1764230400000",
             "signature":"p7LmS2yR0Nq3xVcqz2m0y5eRzK0=","scope":"api"}
            """));
        own = await OwnPlatform.StartAsync("integration-health", data => new()
        {
            ["Catalog:Path"] = TestCatalog.Create(Path.Combine(data, "catalog")),
            ["Crm:Connectors:initech"] = "salesforce",
            ["Crm:Salesforce:BaseUrl"] = Salesforce.Url,
            ["Crm:Salesforce:ClientId"] = "3MVG9initechConnectedApp",
            ["Crm:Salesforce:ClientSecret"] = "initech-connected-app-secret",
            ["Crm:Salesforce:AttemptTimeoutSeconds"] = "2",
            ["Crm:Salesforce:TotalTimeoutSeconds"] = "5",
            ["ConnectorHealth:SampleInterval"] = "00:00:01",
            ["MessagingHealth:SampleInterval"] = "00:00:01",
        });
    }

    public Task<HttpClient> ClientAsync(string clientId, string secret) => own.ClientAsync(clientId, secret);

    public static IRequestBuilder Soql(string contains) =>
        Request.Create().WithPath("/services/data/v62.0/query").UsingGet().WithParam("q", new WildcardMatcher($"*{contains}*"));

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=UTF-8").WithBody(body);

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
        Salesforce.Stop();
    }
}

/// <summary>A platform of its own, started after the shared one has finished: two platforms picking free ports at once could pick the same.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationHealthCollection : ICollectionFixture<IntegrationHealthPlatform>
{
    public const string Name = "integration-health-platform";
}
