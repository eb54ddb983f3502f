using System.Globalization;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.Reconciliation;

/// <summary>
/// Two reconciliation replicas on one PostgreSQL database, both on a schedule that ticks every second for two tenants of
/// their own: each tick queues one run per tenant and period, whichever replica wins, and each run is run once.
/// PostgreSQL only: on the one-machine default there is one replica.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ScheduleTwoReplicasProof(PlatformFixture platform, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_replicas_queue_and_run_one_batch_per_tick()
    {
        Skip.If(platform.DatabaseProvider != "postgres", "APIPLATFORM_TEST_POSTGRES is not set: replicas share the schedule through PostgreSQL.");
        var tenants = new[] { "recon-tick-" + Guid.NewGuid().ToString("N")[..8], "recon-tick-" + Guid.NewGuid().ToString("N")[..8] };
        var overrides = new Dictionary<string, string?>
        {
            ["Reconciliation:PollInterval"] = "00:00:00.100",
            ["Reconciliation:Schedule:Enabled"] = "true",
            ["Reconciliation:Schedule:Cron"] = "* * * * * *",
            ["Reconciliation:Schedule:Tenants:0"] = tenants[0],
            ["Reconciliation:Schedule:Tenants:1"] = tenants[1],
            ["Reconciliation:Schedule:Periods:0"] = "previous",
            ["Reconciliation:Schedule:Periods:1"] = "current",
        };
        await platform.Platform.StartReplicaAsync("reconciliation", overrides);
        await platform.Platform.StartReplicaAsync("reconciliation", overrides);
        await Task.Delay(TimeSpan.FromSeconds(6));
        await platform.Platform.StopServiceAsync("reconciliation#2");
        await platform.Platform.StopServiceAsync("reconciliation#3");

        using var scope = platform.Platform.Services("reconciliation").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
        var runs = await db.Runs.AsNoTracking().Where(r => tenants.Contains(r.Tenant)).ToListAsync();
        for (var wait = 0; wait < 100 && runs.Any(r => r.Status is RunStatus.Queued or RunStatus.Running); wait++)
        {
            // Runs queued just before the replicas stopped are handed back and finished by the first instance.
            await Task.Delay(100);
            runs = await db.Runs.AsNoTracking().Where(r => tenants.Contains(r.Tenant)).ToListAsync();
        }

        var ticks = runs.GroupBy(r => r.TickKey!.Split('|')[0]).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        output.WriteLine($"{ticks.Count} ticks, {runs.Count} runs");
        Assert.True(ticks.Count >= 4, $"only {ticks.Count} ticks in 6 seconds");
        // Two tenants times two periods per tick; the last tick may have been cut short by stopping the replicas. A tick
        // skips a period only while that period's run of an earlier tick is still going (one active run per period).
        var queues = runs.Select(RunQueue).Distinct().ToList();
        Assert.Equal(4, queues.Count);
        foreach (var tick in ticks.SkipLast(1))
        {
            var at = DateTimeOffset.Parse(tick.Key, CultureInfo.InvariantCulture);
            foreach (var skipped in queues.Except(tick.Select(RunQueue)))
            {
                Assert.True(runs.Any(run => RunQueue(run) == skipped && run.CreatedAt < at && run.FinishedAt > at),
                    $"tick {tick.Key} queued no run of {skipped}, whose earlier runs had all finished by then");
            }
        }
        Assert.Equal(4, ticks[0].Count());
        Assert.InRange(ticks[^1].Count(), 1, 4);
        Assert.All(runs, run => Assert.Equal(RunQueue(run), $"{run.Tenant}|{run.Period}"));
        Assert.All(runs, run => Assert.Equal((RunStatus.Completed, 1, "schedule"), (run.Status, run.Attempts, run.Trigger)));
        Assert.Equal(runs.Count, runs.Select(r => r.TickKey).Distinct().Count());
    }

    private static string RunQueue(RunEntity run) => string.Join('|', run.TickKey!.Split('|')[1..]);
}
