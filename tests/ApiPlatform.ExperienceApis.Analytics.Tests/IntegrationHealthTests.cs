using System.Security.Claims;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ExperienceApis.Analytics.Apis;
using ApiPlatform.ExperienceApis.Analytics.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics.Tests;

/// <summary>Integration health projected from the system APIs' connector events and read through its API handler.</summary>
public sealed class IntegrationHealthTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ClaimsPrincipal Internal = new(new ClaimsIdentity([new Claim("client_id", "ops-app")], "test"));
    private AnalyticsHost host = null!;

    public async Task InitializeAsync() => host = await AnalyticsHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Samples_and_mapping_failures_give_error_rate_p99_failures_by_cause_fields_and_the_latest_messaging()
    {
        var system = "crm";
        var connector = "salesforce-" + Guid.NewGuid().ToString("N")[..6];
        // 100 calls: 97 within 50 ms, 2 within 250 ms, 1 within 1 s; 3 failed (two mapping 502, one 504).
        await host.PublishAsync(Sample(system, connector, T0, 60, [Failure(502, "mapping", 2)], [0, 0, 10, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0], backlog: 4, deadLetters: 1));
        await host.PublishAsync(Sample(system, connector, T0.AddMinutes(1), 40, [Failure(504, "timeout", 1)], [0, 0, 0, 37, 0, 2, 0, 1, 0, 0, 0, 0, 0], backlog: 0, deadLetters: 2));
        await host.PublishAsync(Failed(system, connector, "Account.CurrencyIsoCode", T0.AddSeconds(10)));
        await host.PublishAsync(Failed(system, connector, "Account.CurrencyIsoCode", T0.AddSeconds(20)));
        await host.PublishAsync(new ErpConnectorMappingFailed("erp", "sap", "TotalNetAmount", "GET /A_SalesOrder", null, null, T0.AddSeconds(30)));
        await host.EventuallyAsync(db => db.MappingFailures.CountAsync(f => f.Connector == connector), n => n == 2);
        await host.EventuallyAsync(db => db.ConnectorSamples.CountAsync(s => s.Connector == connector), n => n == 2);

        var health = await ReadAsync(system, T0.AddMinutes(-1), T0.AddMinutes(5));

        var crm = Assert.Single(health.Systems);
        Assert.Equal("crm", crm.System);
        var salesforce = Assert.Single(crm.Connectors, c => c.Connector == connector);
        Assert.Equal((100, 3, 0.03), (salesforce.Calls, salesforce.FailedCalls, salesforce.ErrorRate));
        Assert.Equal(250, salesforce.LatencyP99Ms);
        Assert.Equal([new FailureCount(502, "mapping", 2), new FailureCount(504, "timeout", 1)], salesforce.Failures);
        Assert.Equal(2, salesforce.MappingFailures);
        var field = Assert.Single(salesforce.MappingFailuresByField);
        Assert.Equal(("Account.CurrencyIsoCode", 2, "GET /services/data/v{version}/query", T0.AddSeconds(20)),
            (field.Field, field.Failures, field.LastVendorOperation, field.LastFailedAt));
        Assert.Equal((0, 2, T0.AddMinutes(2)), (crm.Messaging!.OutboxBacklog, crm.Messaging.DeadLetters, crm.Messaging.SampledAt));
    }

    [Fact]
    public async Task A_window_counts_only_its_own_samples_and_failures()
    {
        var connector = "hubspot-" + Guid.NewGuid().ToString("N")[..6];
        await host.PublishAsync(Sample("crm", connector, T0, 10, [], [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0));
        await host.PublishAsync(Sample("crm", connector, T0.AddHours(2), 5, [Failure(503, "throttled", 5)], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5], 0, 0));
        await host.EventuallyAsync(db => db.ConnectorSamples.CountAsync(s => s.Connector == connector), n => n == 2);

        var later = Assert.Single(Assert.Single((await ReadAsync("crm", T0.AddHours(1), T0.AddHours(3))).Systems).Connectors, c => c.Connector == connector);

        Assert.Equal((5, 5, 1.0), (later.Calls, later.FailedCalls, later.ErrorRate));
        Assert.Equal(30000, later.LatencyP99Ms);
        Assert.Equal([new FailureCount(503, "throttled", 5)], later.Failures);
    }

    [Fact]
    public async Task A_redelivered_or_replayed_event_is_counted_once()
    {
        var connector = "replayed-" + Guid.NewGuid().ToString("N")[..6];
        var failed = await host.PublishAsync(Failed("crm", connector, "Quote.Status", T0));
        var sampled = await host.PublishAsync(Sample("crm", connector, T0, 7, [Failure(502, "mapping", 1)], [7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0));
        await host.EventuallyAsync(db => db.ConnectorSamples.CountAsync(s => s.Connector == connector), n => n == 1);
        await host.RepublishAsync(failed);
        await host.RepublishAsync(sampled);

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProjectionRebuild>().RebuildAsync(default);
        }
        await host.EventuallyAsync(db => db.ConnectorSamples.CountAsync(s => s.Connector == connector), n => n == 1);
        await Task.Delay(500);

        var health = Assert.Single(Assert.Single((await ReadAsync("crm", T0.AddMinutes(-1), T0.AddMinutes(5))).Systems).Connectors, c => c.Connector == connector);
        Assert.Equal((7, 1, 1), (health.Calls, health.FailedCalls, health.MappingFailures));
    }

    [Fact]
    public async Task A_process_api_s_messaging_sample_shows_its_outbox_lag_and_dead_letters_as_a_system_without_connectors()
    {
        var replica = "replica-" + Guid.NewGuid().ToString("N")[..6];
        await host.PublishAsync(new QuoteToCashMessagingHealthSampled("quote-to-cash", replica, T0, T0.AddMinutes(1), 7, 12.5, 0));
        await host.PublishAsync(new QuoteToCashMessagingHealthSampled("quote-to-cash", replica, T0.AddMinutes(1), T0.AddMinutes(2), 0, 0, 3));
        await host.PublishAsync(new ReconciliationMessagingHealthSampled("reconciliation", replica, T0, T0.AddMinutes(1), 1, 0.2, 0));
        await host.EventuallyAsync(db => db.MessagingSamples.CountAsync(s => s.System == "quote-to-cash" || s.System == "reconciliation"), n => n == 3);

        var health = await ReadAsync(null, T0.AddMinutes(-1), T0.AddMinutes(5));

        var quoteToCash = Assert.Single(health.Systems, s => s.System == "quote-to-cash");
        Assert.Empty(quoteToCash.Connectors);
        Assert.Equal((0, 0.0, 3, T0.AddMinutes(2)),
            (quoteToCash.Messaging!.OutboxBacklog, quoteToCash.Messaging.OutboxLagSeconds, quoteToCash.Messaging.DeadLetters, quoteToCash.Messaging.SampledAt));
        Assert.Equal((1, 0.2), (health.Systems.Single(s => s.System == "reconciliation").Messaging!.OutboxBacklog,
            health.Systems.Single(s => s.System == "reconciliation").Messaging!.OutboxLagSeconds));
    }

    [Fact]
    public async Task A_partner_is_refused_integration_health()
    {
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", "acme")], "test"));

        var result = await host.QueryAsync(db => IntegrationHealthApi.Get(
            new IntegrationHealthQuery(null, null, null), db, partner, TimeProvider.System, Options(), default));

        Assert.Equal(403, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }

    [Theory]
    [InlineData("2026-11-02T10:00:00Z", "2026-11-02T09:00:00Z", null)]
    [InlineData("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", null)]
    [InlineData(null, null, "CRM; drop")]
    public void A_window_backwards_or_too_long_or_a_system_that_is_no_name_is_invalid(string? from, string? to, string? system)
    {
        var query = new IntegrationHealthQuery(from is null ? null : DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture), system);

        Assert.False(new IntegrationHealthQueryValidator().Validate(query).IsValid);
        Assert.True(new IntegrationHealthQueryValidator().Validate(new IntegrationHealthQuery(T0, T0.AddDays(1), "crm")).IsValid);
    }

    private async Task<IntegrationHealth> ReadAsync(string? system, DateTimeOffset from, DateTimeOffset to)
    {
        var result = await host.QueryAsync(db => IntegrationHealthApi.Get(
            new IntegrationHealthQuery(from, to, system), db, Internal, TimeProvider.System, Options(), default));
        return Assert.IsType<Ok<IntegrationHealth>>(result.Result).Value!;
    }

    private IOptions<AnalyticsOptions> Options() => host.App.Services.GetRequiredService<IOptions<AnalyticsOptions>>();

    private static CrmConnectorMappingFailed Failed(string system, string connector, string field, DateTimeOffset at) =>
        new(system, connector, field, "GET /services/data/v{version}/query", "initech", null, at);

    private static ConnectorFailureCount Failure(int status, string cause, long calls) => new(status, cause, calls);

    private static CrmConnectorHealthSampled Sample(
        string system, string connector, DateTimeOffset from, long calls, ConnectorFailureCount[] failures, long[] buckets, long backlog, long deadLetters) =>
        new(system, "replica-1", from, from.AddMinutes(1), [new ConnectorCallSample(connector, calls, failures, buckets)], backlog, 0.5, deadLetters);
}
