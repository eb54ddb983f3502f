using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

public sealed class RunScheduleTests : IDisposable
{
    private readonly TestDatabase database = new();

    private static readonly ScheduleOptions Schedule = new()
    {
        Enabled = true, Cron = "0 2 * * *", Tenants = ["acme", "globex"], Periods = ["previous", "current"],
    };

    private RunSchedule ScheduleOn(ServiceProvider replica) => new(replica.GetRequiredService<IServiceScopeFactory>(), database.Time,
        Options.Create(new ReconciliationOptions { Schedule = Schedule }), NullLogger<RunSchedule>.Instance);

    [Fact]
    public async Task Two_replicas_that_see_the_same_tick_queue_its_runs_once()
    {
        using var first = database.Replica();
        using var second = database.Replica();
        var tick = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

        var queued = await Task.WhenAll(ScheduleOn(first).QueueTickAsync(tick, Schedule, default), ScheduleOn(second).QueueTickAsync(tick, Schedule, default));

        Assert.Equal(4, queued.Sum());
        using var scope = first.CreateScope();
        var runs = await scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>().Runs.AsNoTracking().ToListAsync();
        Assert.Equal(
            ["acme 2026-11", "acme 2026-12", "globex 2026-11", "globex 2026-12"],
            runs.Select(r => $"{r.Tenant} {r.Period}").Order());
        Assert.All(runs, r => Assert.Equal("schedule", r.Trigger));
    }

    [Theory]
    [InlineData("0 2 * * *", true)]
    [InlineData("*/5 * * * * *", true)]
    [InlineData("every night", false)]
    public void A_bad_cron_expression_fails_the_start_naming_its_key(string cron, bool valid)
    {
        var result = new ReconciliationOptionsValidator().Validate(null, new ReconciliationOptions { Schedule = new ScheduleOptions
        {
            Enabled = true, Cron = cron, Tenants = ["acme"],
        } });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Reconciliation:Schedule:Cron", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    public void Dispose() => database.Dispose();
}
