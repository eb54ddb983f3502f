using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class RefusalTests
{
    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var provider in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            for (var step = 0; step < OrderWorkflow.StepNames.Length; step++)
            {
                cases.Add(provider, step);
            }
        }
        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_refusal_compensates_exactly_the_earlier_steps_in_reverse_order(string provider, int refused)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        var names = OrderWorkflow.StepNames;
        service.System.Fail(RecordStore.Do, names[refused], Fault.Refusal("The customer's credit limit is exceeded."));

        var id = await service.StartOrderAsync();
        var view = await service.WaitForAsync(id, WorkflowStatus.Compensated);

        var earlier = names[..refused];
        Assert.Equal(CompensationCause.Refused, view.Cause);
        Assert.Equal("The customer's credit limit is exceeded.", view.Reason);
        Assert.Equal(earlier.Reverse(), service.System.UndoneStepsOf(id));
        Assert.Equal(earlier, service.System.DocumentsOf(id).Select(d => d.Step));
        Assert.Empty(service.System.RequestsOf(id, RecordStore.Undo, names[refused]));
        var forward = view.Steps.Where(s => s.Phase == StepPhase.Forward).ToList();
        Assert.All(forward.Take(refused), s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Equal((StepStatus.Refused, 1, "The customer's credit limit is exceeded."), (forward[refused].Status, forward[refused].Attempts, forward[refused].Detail));
        Assert.All(forward.Skip(refused + 1), s => Assert.Equal(StepStatus.Pending, s.Status));
        var compensations = view.Steps.Where(s => s.Phase == StepPhase.Compensation).ToList();
        Assert.Equal(earlier.Reverse(), compensations.Select(s => s.Name));
        Assert.All(compensations, s => Assert.Equal((StepStatus.Succeeded, 1), (s.Status, s.Attempts)));

        var events = (await service.OutboxEventsAsync(id)).Select(e => e.Step is null ? e.Kind : $"{e.Kind}:{e.Step}").ToList();
        Assert.Equal(
            ["Started", .. earlier.Select(s => $"StepCompleted:{s}"), "CompensationStarted", .. earlier.Reverse().Select(s => $"StepCompensated:{s}"), "Compensated"],
            events);
    }
}
