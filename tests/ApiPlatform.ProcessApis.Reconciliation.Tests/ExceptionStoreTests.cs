using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Comparison;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApiPlatform.ProcessApis.Reconciliation.Tests.Docs;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

public sealed class ExceptionStoreTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly ServiceProvider replica;

    public ExceptionStoreTests() => replica = database.Replica();

    private static readonly string Opened = ReconciliationExceptionOpened.EventType;
    private static readonly string Resolved = ReconciliationExceptionResolved.EventType;
    private static readonly string Cleared = ReconciliationExceptionCleared.EventType;

    private static Finding Mismatch(decimal invoiced) =>
        Rules.CompareOrderWithInvoice(new OrderFacts("o1", "SO-1", new Money(100, "EUR")), Invoice("i1", "o1", invoiced))!;

    private static Finding Unapplied(string id) => Rules.UnappliedPayment(Payment(id, "RF-" + id, 50, unapplied: 50))!;

    private async Task<int> RecordAsync(string runId, params Finding[] findings)
    {
        using var scope = replica.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExceptionStore>().RecordRunAsync(runId, "acme", "2026-11", findings, default);
    }

    private async Task<List<ExceptionEntity>> ExceptionsAsync()
    {
        using var scope = replica.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>().Exceptions.AsNoTracking().Include(e => e.Activity).OrderBy(e => e.DocumentKey).ToListAsync();
    }

    [Fact]
    public async Task A_re_run_of_the_same_findings_updates_the_exceptions_and_adds_none()
    {
        Assert.Equal(2, await RecordAsync("run-1", Mismatch(90), Unapplied("p1")));
        Assert.Equal(0, await RecordAsync("run-2", Mismatch(90), Unapplied("p1")));

        var exceptions = await ExceptionsAsync();
        Assert.Equal(2, exceptions.Count);
        Assert.All(exceptions, e => Assert.Equal(("run-1", "run-2", ExceptionStatus.Open), (e.FirstRunId, e.LastRunId, e.Status)));
        // Each exception was opened once: the re-run published nothing.
        Assert.Equal([Opened, Opened], (await database.OutboxAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task A_resolved_exception_stays_resolved_until_its_compared_data_change_then_reopens()
    {
        await RecordAsync("run-1", Mismatch(90));
        await ResolveAsync(Mismatch(90).IdFor("acme"));

        Assert.Equal(0, await RecordAsync("run-2", Mismatch(90)));
        Assert.Equal(ExceptionStatus.Resolved, (await ExceptionsAsync()).Single().Status);

        Assert.Equal(1, await RecordAsync("run-3", Mismatch(80)));
        var reopened = (await ExceptionsAsync()).Single();
        Assert.Equal(ExceptionStatus.Open, reopened.Status);
        Assert.Null(reopened.ResolutionNote);
        Assert.Equal(["found", "resolved", "reopened"], reopened.Activity.OrderBy(a => a.Id).Select(a => a.Action));
        Assert.Equal([(Opened, reopened.Id), (Resolved, reopened.Id), (Opened, reopened.Id)], await database.OutboxAsync());
    }

    [Fact]
    public async Task An_open_exception_a_run_no_longer_finds_is_cleared_and_reopens_when_found_again()
    {
        await RecordAsync("run-1", Mismatch(90), Unapplied("p1"));
        await RecordAsync("run-2", Unapplied("p1"));

        Assert.Equal([ExceptionStatus.Open, ExceptionStatus.Cleared], (await ExceptionsAsync()).Select(e => e.Status)); // payment:p1, sales-order:o1

        Assert.Equal(1, await RecordAsync("run-3", Mismatch(90), Unapplied("p1")));
        Assert.All(await ExceptionsAsync(), e => Assert.Equal(ExceptionStatus.Open, e.Status));
        var (mismatch, payment) = (Mismatch(90).IdFor("acme"), Unapplied("p1").IdFor("acme"));
        Assert.Equal([(Opened, mismatch), (Opened, payment), (Cleared, mismatch), (Opened, mismatch)], await database.OutboxAsync());
    }

    private async Task ResolveAsync(string id)
    {
        using var scope = replica.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
        var exception = await db.Exceptions.SingleAsync(e => e.Id == id);
        await scope.ServiceProvider.GetRequiredService<ExceptionStore>().ResolveAsync(exception, "Price agreed by phone", "finance-app", default);
    }

    public void Dispose()
    {
        replica.Dispose();
        database.Dispose();
    }
}
