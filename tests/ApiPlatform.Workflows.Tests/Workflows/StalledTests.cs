using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class StalledTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_instance_waiting_longer_than_its_steps_SLA_is_listed_as_stalled(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var service = await ServiceUnderTest.StartAsync(provider, clock: clock, settings: new Dictionary<string, string?>
        {
            [$"Workflows:StepSla:{ApprovalWorkflow.Name}:approval"] = "00:10:00",
        });
        var waiting = await service.StartApprovalAsync();
        await service.WaitForAsync(waiting, WorkflowStatus.Waiting);
        var completed = await service.StartOrderAsync();
        await service.WaitForAsync(completed, WorkflowStatus.Completed);
        Assert.Empty(await service.WithClientAsync(c => c.ListStalledAsync(null, 10, default)));

        clock.Advance(TimeSpan.FromMinutes(11));
        var fresh = await service.StartApprovalAsync();
        await service.WaitForAsync(fresh, WorkflowStatus.Waiting);
        var stalled = await service.WithClientAsync(c => c.ListStalledAsync(null, 10, default));

        var only = Assert.Single(stalled);
        Assert.Equal((waiting, "approval", TimeSpan.FromMinutes(10)), (only.Instance.Id, only.Step, only.Sla));
        Assert.True(only.Elapsed >= TimeSpan.FromMinutes(11), $"elapsed {only.Elapsed}");
        Assert.Single(await service.WithClientAsync(c => c.ListStalledAsync(ApprovalWorkflow.Name, 10, default)));
        Assert.Empty(await service.WithClientAsync(c => c.ListStalledAsync(OrderWorkflow.Name, 10, default)));
    }
}
