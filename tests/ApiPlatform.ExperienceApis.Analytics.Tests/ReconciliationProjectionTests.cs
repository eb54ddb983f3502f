using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ExperienceApis.Analytics.Apis;
using ApiPlatform.ExperienceApis.Analytics.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using DocumentReference = ApiPlatform.Contracts.Reconciliation.DocumentReference;

namespace ApiPlatform.ExperienceApis.Analytics.Tests;

/// <summary>Reconciliation's events in the read model: its KPIs, and its exceptions on the timeline of the order they concern.</summary>
public sealed class ReconciliationProjectionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = OrderStory.T0.AddDays(20);
    private AnalyticsHost host = null!;

    public async Task InitializeAsync() => host = await AnalyticsHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_run_with_exceptions_gives_kpis_by_kind_and_amount_and_the_order_s_exception_shows_on_its_timeline()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var story = new OrderStory(tenant);
        await host.PublishAsync(story.Started());
        await host.PublishAsync(story.SalesOrderCreated());
        await host.PublishAsync(story.Completed());
        // Topics are consumed each by its own worker: the order's transaction first, then reconciliation's events.
        await host.EventuallyAsync(db => db.Transactions.FindAsync(story.OrderRequestId).AsTask(), t => t?.Status == "Completed");
        await PublishRunAsync(story);

        var kpis = await EventuallyKpisAsync(tenant, RunAndResolution);

        Assert.Equal((1, 250L), (kpis.Runs, kpis.DocumentsCompared));
        Assert.Equal(
            [new ReconciliationKindKpis("AmountMismatch", 1, 0, 1, 0, 0), new ReconciliationKindKpis("PaymentNotApplied", 1, 0, 0, 0, 1)],
            kpis.Exceptions);
        Assert.Equal([new AmountInException("EUR", 150m, 50m)], kpis.Amounts);

        var timeline = (await host.QueryAsync(db => TransactionsApi.GetTimeline(story.OrderRequestId, db, new ClaimsPrincipal(new ClaimsIdentity()),
            TimeProvider.System, default))).Result;
        var entries = Assert.IsType<Ok<TransactionTimeline>>(timeline).Value!.Entries.Where(e => e.System == "reconciliation").ToList();
        Assert.Equal([ReconciliationExceptionOpened.EventType, ReconciliationExceptionResolved.EventType], entries.Select(e => e.EventType));
        Assert.Contains("AmountMismatch, 100.00 EUR", entries[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_tenant()
    {
        var (mine, theirs) = ("t-" + Guid.NewGuid().ToString("N")[..8], "t-" + Guid.NewGuid().ToString("N")[..8]);
        await PublishRunAsync(new OrderStory(mine));
        await PublishRunAsync(new OrderStory(theirs));
        await EventuallyKpisAsync(theirs, RunAndResolution);
        await EventuallyKpisAsync(mine, RunAndResolution);

        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", mine)], "test"));
        var seen = await KpisAsync(theirs, partner);

        Assert.Equal(mine, seen.Tenant);
        Assert.Equal(1, seen.Runs);
    }

    [Fact]
    public async Task A_rebuild_and_a_redelivered_event_count_nothing_twice()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var events = await PublishRunAsync(new OrderStory(tenant));
        var before = await EventuallyKpisAsync(tenant, RunAndResolution);
        foreach (var e in events)
        {
            await host.RepublishAsync(e);
        }

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProjectionRebuild>().RebuildAsync(default);
        }
        await host.EventuallyAsync(db => db.ReconciliationEvents.CountAsync(e => e.Tenant == tenant), n => n == 3);
        await Task.Delay(500);
        var after = await KpisAsync(tenant);

        Assert.Equal((before.Runs, before.DocumentsCompared), (after.Runs, after.DocumentsCompared));
        Assert.Equal(before.Exceptions, after.Exceptions);
        Assert.Equal(before.Amounts, after.Amounts);
        Assert.Equal(3, await host.QueryAsync(db => db.ReconciliationEvents.CountAsync(e => e.Tenant == tenant)));
    }

    [Fact]
    public async Task An_exception_resolved_before_its_opening_arrives_stays_resolved()
    {
        // Live events and a rebuild's replay interleave, and a retried event comes late: the resolution can be applied
        // before the opening it closes.
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var story = new OrderStory(tenant);
        var opened = new ReconciliationExceptionOpened("rex-late-" + story.OrderRequestId, tenant, "2026-11", ExceptionKind.AmountMismatch,
            [new DocumentReference("erp", "sales-order", story.SalesOrderId)], new Money(100m, "EUR"), "Short by 100.00 EUR.", false,
            "run-" + tenant, T0);
        await host.PublishAsync(new ReconciliationExceptionResolved(opened.ExceptionId, tenant, opened.Period, opened.Kind, opened.Documents,
            "finance-app", "Price agreed by phone", T0.AddHours(1)));
        await host.PublishAsync(opened);

        var kpis = await EventuallyKpisAsync(tenant, k => k.Exceptions.Sum(e => e.Opened + e.Resolved) == 2);

        Assert.Equal([new ReconciliationKindKpis("AmountMismatch", 1, 0, 1, 0, 0)], kpis.Exceptions);
        Assert.Equal([new AmountInException("EUR", 100m, 0m)], kpis.Amounts);
    }

    /// <summary>A run that finds the order's invoice 100 EUR short (resolved later) and 50 EUR of a payment not applied.</summary>
    private async Task<List<Messaging.Envelope.CloudEvent>> PublishRunAsync(OrderStory story)
    {
        var (tenant, period) = (story.Tenant, "2026-11");
        var mismatch = new ReconciliationExceptionOpened("rex-m-" + story.OrderRequestId, tenant, period, ExceptionKind.AmountMismatch,
            [new DocumentReference("erp", "sales-order", story.SalesOrderId), new DocumentReference("finance", "invoice", story.InvoiceId)],
            new Money(100m, "EUR"), "Sales order SO-100 totals 1200.00 EUR net; its invoice 1100.00 EUR before tax.", false, "run-" + tenant, T0);
        var unapplied = new ReconciliationExceptionOpened("rex-p-" + story.OrderRequestId, tenant, period, ExceptionKind.PaymentNotApplied,
            [new DocumentReference("finance", "payment", "PAY-" + tenant)], new Money(50m, "EUR"), "Payment RF-1 has 50.00 EUR not applied.", false,
            "run-" + tenant, T0);
        return
        [
            await host.PublishAsync(mismatch),
            await host.PublishAsync(unapplied),
            await host.PublishAsync(new ReconciliationRunCompleted("run-" + tenant, tenant, period, "manual", 250, 2,
                new Dictionary<string, int> { ["AmountMismatch"] = 1, ["PaymentNotApplied"] = 1 }, 2, T0.AddMinutes(-1), T0)),
            await host.PublishAsync(new ReconciliationExceptionResolved(mismatch.ExceptionId, tenant, period, mismatch.Kind, mismatch.Documents,
                "finance-app", "Price agreed by phone", T0.AddHours(1))),
        ];
    }

    // The run and each exception are separate events, applied in their own transactions (a failed one is retried on its
    // own): wait for everything the test asserts, not for the last event published.
    private static bool RunAndResolution(ReconciliationKpis kpis) => kpis.Runs == 1 && kpis.Exceptions.Sum(e => e.Resolved) == 1;

    private async Task<ReconciliationKpis> EventuallyKpisAsync(string tenant, Func<ReconciliationKpis, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var kpis = await KpisAsync(tenant);
            if (done(kpis) || DateTime.UtcNow > deadline)
            {
                return kpis;
            }
            await Task.Delay(50);
        }
    }

    private Task<ReconciliationKpis> KpisAsync(string tenant, ClaimsPrincipal? user = null) =>
        host.QueryAsync(async db => (await ReconciliationKpisApi.Get(new ReconciliationKpiQuery(T0.AddDays(-1), T0.AddDays(1), tenant), db,
            user ?? new ClaimsPrincipal(new ClaimsIdentity()), new FakeTimeProvider(T0.AddDays(2)), host.App.Services.GetRequiredService<IOptions<AnalyticsOptions>>(),
            default)).Value!);
}
