using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

/// <summary>One queued or running run per tenant and period, however many ask at once and whoever they are.</summary>
public sealed class RunQueueTests : IDisposable
{
    private readonly TestDatabase database = new();

    [Fact]
    public async Task Simultaneous_requests_for_a_period_queue_one_run_and_name_it_to_the_others()
    {
        var replicas = Enumerable.Range(0, 4).Select(_ => database.Replica()).ToList();

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // SQLite's async calls run synchronously, so each caller gets a thread of its own and all start together.
        var callers = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await using var scope = replicas[i % replicas.Count].CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<RunQueue>();
            await go.Task;
            return await queue.EnqueueAsync("acme", "2026-11", RunQueue.Manual, $"caller-{i}", default);
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(callers);

        Assert.Single(answers, a => a.Queued);
        var queuedId = answers.Single(a => a.Queued).Run.Id;
        Assert.All(answers, a => Assert.Equal(queuedId, a.Run.Id));
        Assert.Equal([queuedId], await RunIdsAsync("acme", "2026-11"));
        replicas.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task A_period_queues_again_once_its_run_has_ended_and_other_periods_are_independent()
    {
        using var replica = database.Replica();
        var first = await EnqueueAsync(replica, "acme", "2026-11");
        var otherPeriod = await EnqueueAsync(replica, "acme", "2026-10");
        var otherTenant = await EnqueueAsync(replica, "globex", "2026-11");
        Assert.True(first.Queued && otherPeriod.Queued && otherTenant.Queued);

        await using (var scope = replica.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
            await db.Runs.Where(r => r.Id == first.Run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Completed));
        }
        var again = await EnqueueAsync(replica, "acme", "2026-11");

        Assert.True(again.Queued);
        Assert.NotEqual(first.Run.Id, again.Run.Id);
        Assert.Equal(2, (await RunIdsAsync("acme", "2026-11")).Count);
    }

    [Fact]
    public async Task A_tick_leaves_a_period_whose_run_is_still_queued_or_running_alone()
    {
        using var replica = database.Replica();
        var manual = await EnqueueAsync(replica, "acme", "2026-11");
        var schedule = new ScheduleOptions { Enabled = true, Cron = "0 2 * * *", Tenants = ["acme"], Periods = ["previous", "current"] };
        var runSchedule = new RunSchedule(replica.GetRequiredService<IServiceScopeFactory>(), database.Time,
            Options.Create(new ReconciliationOptions { Schedule = schedule }), NullLogger<RunSchedule>.Instance);

        var queued = await runSchedule.QueueTickAsync(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), schedule, default);

        Assert.Equal(1, queued);
        Assert.Equal([manual.Run.Id], await RunIdsAsync("acme", "2026-11"));
        Assert.Single(await RunIdsAsync("acme", "2026-12"));
    }

    private static async Task<(RunEntity Run, bool Queued)> EnqueueAsync(ServiceProvider replica, string tenant, string period)
    {
        await using var scope = replica.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunQueue>().EnqueueAsync(tenant, period, RunQueue.Manual, "finance-app", default);
    }

    private async Task<List<string>> RunIdsAsync(string tenant, string period)
    {
        using var replica = database.Replica();
        using var scope = replica.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>().Runs.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.Period == period).Select(r => r.Id).ToListAsync();
    }

    public void Dispose() => database.Dispose();
}
