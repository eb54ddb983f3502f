using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;
using ApiPlatform.VendorConnectors.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceStubs;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>
/// A Salesforce answer that breaks the canonical mapping stays the caller's 502, and is counted (metric with system,
/// connector and field) and published (<c>crm.connector.mapping-failed.v1</c>) without any value of the answer.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class MappingFailureTests
{
    private const string MappingFailed = "crm.connector.mapping-failed.v1";
    private readonly CrmPlatform platform;

    public MappingFailureTests(CrmPlatform platform)
    {
        this.platform = platform;
        Reset(platform.Salesforce);
    }

    [Fact]
    public async Task A_currency_that_breaks_the_mapping_is_a_502_counted_and_published_with_its_field()
    {
        const string secretName = "Initech Private Holdings of Jane Roe";
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, Query(1, null, Account("001RO00000AbCdEYAV", secretName, currency: "Dollars"))));
        var correlationId = Guid.NewGuid().ToString("N");
        using var counted = new MappingFailureCounter();
        using var client = await platform.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/system/crm/v1/accounts?tenant={CrmPlatform.SalesforceTenant}");
        request.Headers.Add("X-Correlation-Id", correlationId);

        var problem = await (await client.SendAsync(request)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        Assert.Contains("Account.CurrencyIsoCode", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, counted.Of("crm", "salesforce", "Account.CurrencyIsoCode"));
        var published = Assert.Single(await PublishedAsync(correlationId));
        Assert.Equal("crm", published.GetProperty("system").GetString());
        Assert.Equal("salesforce", published.GetProperty("connector").GetString());
        Assert.Equal("Account.CurrencyIsoCode", published.GetProperty("field").GetString());
        Assert.Equal(CrmPlatform.SalesforceTenant, published.GetProperty("tenant").GetString());
        Assert.Equal("GET /services/data/{version}/query", published.GetProperty("vendorOperation").GetString());
        Assert.DoesNotContain("Dollars", published.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secretName, published.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_mapping_failure_but_an_outage_is_not()
    {
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(200, """{"totalSize":"many","done":true,"records":[]}"""));
        var broken = Guid.NewGuid().ToString("N");
        using var client = await platform.ClientAsync();
        using (var request = Get(broken))
        {
            await (await client.SendAsync(request)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");
        }

        Reset(platform.Salesforce);
        platform.Salesforce.Given(Soql("FROM Account")).RespondWith(Json(503, "[]"));
        var outage = Guid.NewGuid().ToString("N");
        using (var request = Get(outage))
        {
            await (await client.SendAsync(request)).AssertUpstreamProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable", "salesforce");
        }

        Assert.Equal("$.totalSize", Assert.Single(await PublishedAsync(broken)).GetProperty("field").GetString());
        Assert.Empty(await PublishedAsync(outage));
    }

    [Fact]
    public async Task The_vendor_operation_is_the_query_even_when_a_token_was_fetched_during_it()
    {
        // The session expired: the query answers 401 once, the connector fetches a new token and sends the query again.
        platform.Salesforce.Given(Soql("FROM Account")).InScenario("expired-session").WillSetStateTo("renewed")
            .RespondWith(Json(401, InvalidSession));
        platform.Salesforce.Given(Soql("FROM Account")).InScenario("expired-session").WhenStateIs("renewed")
            .RespondWith(Json(200, Query(1, null, Account("001RO00000AbCdEYAV", "Initech", country: "USA"))));
        var correlationId = Guid.NewGuid().ToString("N");
        using var client = await platform.ClientAsync();
        using var request = Get(correlationId);

        await (await client.SendAsync(request)).AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "salesforce");

        var published = Assert.Single(await PublishedAsync(correlationId));
        Assert.Equal("Account.BillingCountryCode", published.GetProperty("field").GetString());
        Assert.Equal("GET /services/data/{version}/query", published.GetProperty("vendorOperation").GetString());
        Assert.Contains(platform.Salesforce.LogEntries, e => e.RequestMessage?.Path == "/services/oauth2/token");
    }

    private static HttpRequestMessage Get(string correlationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/system/crm/v1/accounts?tenant={CrmPlatform.SalesforceTenant}");
        request.Headers.Add("X-Correlation-Id", correlationId);
        return request;
    }

    private async Task<List<JsonElement>> PublishedAsync(string correlationId)
    {
        using var scope = platform.Platform.Services("crm").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var rows = await db.Set<OutboxMessage>().Where(m => m.Type == MappingFailed).Select(m => m.Envelope).ToListAsync();
        return rows.Select(e => JsonDocument.Parse(e).RootElement)
            .Where(e => e.TryGetProperty("correlationid", out var id) && id.GetString() == correlationId)
            .Select(e => e.GetProperty("data").Clone())
            .ToList();
    }

    /// <summary>What the connectors' mapping-failure counter recorded while it listened.</summary>
    private sealed class MappingFailureCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<(long Value, Dictionary<string, string?> Tags)> measurements = [];

        public MappingFailureCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ConnectorMetrics.MeterName && instrument.Name == ConnectorMetrics.MappingFailuresName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var named = new Dictionary<string, string?>();
                foreach (var tag in tags)
                {
                    named[tag.Key] = tag.Value?.ToString();
                }
                lock (measurements)
                {
                    measurements.Add((value, named));
                }
            });
            listener.Start();
        }

        public long Of(string system, string connector, string field)
        {
            lock (measurements)
            {
                return measurements.Where(m => m.Tags["system"] == system && m.Tags["connector"] == connector && m.Tags["field"] == field).Sum(m => m.Value);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
