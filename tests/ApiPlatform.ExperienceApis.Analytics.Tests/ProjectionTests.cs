using System.Security.Claims;
using ApiPlatform.ExperienceApis.Analytics.Apis;
using ApiPlatform.ExperienceApis.Analytics.Projections;
using ApiPlatform.ServiceDefaults.Apis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ExperienceApis.Analytics.Tests;

public sealed class ProjectionTests : IAsyncLifetime
{
    private AnalyticsHost host = null!;

    public async Task InitializeAsync() => host = await AnalyticsHost.StartAsync(new Dictionary<string, string?>
    {
        ["Analytics:DefaultSla"] = "00:10:00",
        ["Analytics:Slas:approval"] = "01:00:00",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_transaction_timeline_joins_each_systems_events_whichever_arrives_first()
    {
        var story = new OrderStory("acme");
        // The ERP's event about the sales order arrives before the process event that names the sales order.
        await host.PublishAsync(story.SalesOrderOpened());
        await host.PublishAsync(story.QuoteApproved(), correlationId: "corr-" + story.QuoteId);
        await host.PublishAsync(story.Started(), correlationId: "corr-" + story.QuoteId);
        await host.PublishAsync(story.SalesOrderCreated());
        await host.PublishAsync(story.Completed());

        var transaction = await host.EventuallyAsync(db => db.Transactions.FindAsync(story.OrderRequestId).AsTask(), t => t?.Status == "Completed");
        Assert.NotNull(transaction);
        Assert.Equal((story.QuoteId, story.SalesOrderId, story.InvoiceId), (transaction.QuoteId, transaction.SalesOrderId, transaction.InvoiceId));
        Assert.Equal(("shipment", "erp"), (transaction.Stage, transaction.WaitingOn));
        Assert.Equal("corr-" + story.QuoteId, transaction.CorrelationId);

        // Each topic (crm, erp, quote-to-cash) has its own worker: the erp event may be applied after the process's last one.
        var timeline = (await host.EventuallyAsync(db => TimelineAsync(db, story.OrderRequestId), t => t?.Entries.Count >= 5))!;
        Assert.Equal(
            ["crm.quote.approved.v1", "quote-to-cash.order.started.v1", "erp.sales-order.status-changed.v1", "quote-to-cash.order.step-completed.v1",
             "quote-to-cash.order.completed.v1"],
            timeline.Entries.Select(e => e.EventType));
        Assert.Equal(["crm", "quote-to-cash", "erp", "quote-to-cash", "quote-to-cash"], timeline.Entries.Select(e => e.System));
    }

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var story = new OrderStory("acme");
        var started = await host.PublishAsync(story.Started());
        await host.RepublishAsync(started);
        await host.PublishAsync(story.AwaitingApproval());

        await host.EventuallyAsync(db => db.Transactions.FindAsync(story.OrderRequestId).AsTask(), t => t?.Status == "AwaitingApproval");
        // The duplicate was read before the later event (one topic, in order), so by now it has been handled.
        Assert.Equal(2, await host.CountAsync(story.OrderRequestId));
    }

    [Fact]
    public async Task A_rebuild_replays_the_streams_into_an_empty_read_model_without_counting_twice()
    {
        var story = new OrderStory("rebuild-" + Guid.NewGuid().ToString("N")[..6]);
        await host.PublishAsync(story.QuoteApproved());
        await host.PublishAsync(story.Started());
        await host.PublishAsync(story.AwaitingApproval());
        await host.PublishAsync(story.Approved());
        var before = await host.EventuallyAsync(db => TimelineAsync(db, story.OrderRequestId), t => t?.Entries.Count == 4);
        Assert.Equal(4, before!.Entries.Count);

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProjectionRebuild>().RebuildAsync(default);
        }
        await host.PublishAsync(story.SalesOrderCreated());

        var after = await host.EventuallyAsync(db => TimelineAsync(db, story.OrderRequestId), t => t?.Entries.Count >= 5);
        Assert.Equal(before.Entries.Select(e => e.EventId).Append(after!.Entries[^1].EventId), after.Entries.Select(e => e.EventId));
        var transaction = await host.QueryAsync(db => db.Transactions.SingleAsync(t => t.Id == story.OrderRequestId));
        Assert.Equal(30 * 60_000, transaction.ApprovalWaitMs);
        Assert.Equal(1, await host.QueryAsync(db => db.Transactions.CountAsync(t => t.Tenant == story.Tenant)));
    }

    [Fact]
    public async Task A_transaction_waiting_past_its_stage_SLA_is_stalled_with_the_stage_and_system_it_waits_on()
    {
        var tenant = "stall-" + Guid.NewGuid().ToString("N")[..6];
        var waiting = new OrderStory(tenant);
        var moving = new OrderStory(tenant);
        await host.PublishAsync(waiting.Started());
        await host.PublishAsync(waiting.AwaitingApproval());
        await host.PublishAsync(moving.Started());
        await host.EventuallyAsync(db => db.Transactions.CountAsync(t => t.Tenant == tenant && t.Status != "Running" || t.Id == moving.OrderRequestId),
            n => n == 2);

        // "processing" has the default SLA of 10 minutes, "approval" its own hour.
        var clock = new FakeTimeProvider(OrderStory.T0.AddMinutes(10));
        Assert.Empty(await StalledAsync(tenant, clock));
        clock.SetUtcNow(OrderStory.T0.AddMinutes(2 + 59));
        Assert.Equal([moving.OrderRequestId], (await StalledAsync(tenant, clock)).Select(t => t.Id));

        clock.SetUtcNow(OrderStory.T0.AddMinutes(2 + 61));
        var stalled = await StalledAsync(tenant, clock);
        Assert.Equal([moving.OrderRequestId, waiting.OrderRequestId], stalled.Select(t => t.Id));
        Assert.Equal(("approval", "quote-to-cash", "approval"), (stalled[1].Stage, stalled[1].WaitingOn, stalled[1].LastStep));
        Assert.All(stalled, t => Assert.True(t.Stalled));
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_tenants_transactions()
    {
        var ours = new OrderStory("tenant-" + Guid.NewGuid().ToString("N")[..6]);
        var theirs = new OrderStory("tenant-" + Guid.NewGuid().ToString("N")[..6]);
        await host.PublishAsync(ours.Started());
        await host.PublishAsync(theirs.Started());
        await host.EventuallyAsync(db => db.Transactions.CountAsync(t => t.Id == ours.OrderRequestId || t.Id == theirs.OrderRequestId), n => n == 2);
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", ours.Tenant)], "test"));

        var (list, foreign) = await host.QueryAsync(async db => (
            await TransactionsApi.List(new PageRequest(0, 200), new TransactionQuery(null, null, theirs.Tenant, null, null), db, partner, TimeProvider.System, default),
            await TransactionsApi.GetTimeline(theirs.OrderRequestId, db, partner, TimeProvider.System, default)));

        Assert.Equal([ours.OrderRequestId], list.Value!.Items.Select(t => t.Id));
        Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.NotFound>(foreign.Result);
    }

    [Fact]
    public async Task KPIs_give_volumes_times_fallout_and_revenue_in_flight_of_a_tenant_and_period()
    {
        var tenant = "kpi-" + Guid.NewGuid().ToString("N")[..6];
        var ordered = new OrderStory(tenant);
        var refused = new OrderStory(tenant);
        await host.PublishAsync(ordered.Started());
        await host.PublishAsync(ordered.AwaitingApproval());
        await host.PublishAsync(ordered.Approved());
        await host.PublishAsync(ordered.SalesOrderCreated());
        await host.PublishAsync(refused.Started());
        await host.PublishAsync(new Contracts.QuoteToCash.OrderRequestRejected(refused.OrderRequestId, tenant, refused.QuoteId,
            Contracts.QuoteToCash.OrderRequestState.Rejected, null, "credit limit exceeded", null, null, refused.Total, OrderStory.T0.AddMinutes(3)));
        await host.EventuallyAsync(db => db.Transactions.CountAsync(t => t.Tenant == tenant && (t.SalesOrderId != null || t.Ended)), n => n == 2);

        var kpis = (await host.QueryAsync(db => KpisApi.Get(new KpiQuery(OrderStory.T0, OrderStory.T0.AddDays(1), tenant, null), db,
            new ClaimsPrincipal(new ClaimsIdentity()), new FakeTimeProvider(OrderStory.T0.AddHours(2)),
            Microsoft.Extensions.Options.Options.Create(new AnalyticsOptions()), default))).Value!;

        var process = Assert.Single(kpis.Processes);
        Assert.Equal((2, 0, 1, 1, 1), (process.Started, process.Completed, process.FellOut, process.InFlight, process.Stalled));
        Assert.Equal(new Duration(1, 30 * 60_000, 30 * 60_000), process.ApprovalWait);
        Assert.Equal(new Duration(1, 60_000, 60_000), process.Steps.Single(s => s.Step == "sales-order").Time);
        Assert.Equal([new FalloutCount("quote-to-cash", "credit limit exceeded", 1)], kpis.Fallout);
        Assert.Equal([new RevenueInFlight("EUR", 1200m, 0m, 0m)], kpis.Revenue);
    }

    private Task<TransactionTimeline?> TimelineAsync(string id) => host.QueryAsync(db => TimelineAsync(db, id));

    private static async Task<TransactionTimeline?> TimelineAsync(Data.AnalyticsDbContext db, string id) =>
        (await TransactionsApi.GetTimeline(id, db, new ClaimsPrincipal(new ClaimsIdentity()), TimeProvider.System, default)).Result
            is Microsoft.AspNetCore.Http.HttpResults.Ok<TransactionTimeline> ok ? ok.Value : null;

    private async Task<IReadOnlyList<Transaction>> StalledAsync(string tenant, TimeProvider clock) =>
        (await host.QueryAsync(db => TransactionsApi.ListStalled(new PageRequest(0, 200), tenant, null, db, new ClaimsPrincipal(new ClaimsIdentity()), clock, default)))
            .Value!.Items;
}
