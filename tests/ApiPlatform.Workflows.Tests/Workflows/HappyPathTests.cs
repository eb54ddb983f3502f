using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.TestWorkflows;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class HappyPathTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Four_steps_complete_each_with_one_document_and_one_attempt(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);

        var id = await service.StartOrderAsync();
        var view = await service.WaitForAsync(id, WorkflowStatus.Completed);

        Assert.Equal(OrderWorkflow.StepNames, view.Steps.Select(s => s.Name));
        Assert.All(view.Steps, s => Assert.Equal((StepPhase.Forward, StepStatus.Succeeded, 1), (s.Phase, s.Status, s.Attempts)));
        Assert.All(view.Steps, s => Assert.NotNull(s.CompletedAt));
        Assert.Null(view.CurrentStep);
        Assert.Null(view.Cause);
        Assert.NotNull(view.EndedAt);
        var documents = service.System.DocumentsOf(id).ToList();
        Assert.Equal(OrderWorkflow.StepNames, documents.Select(d => d.Step));
        Assert.Equal(OrderWorkflow.StepNames.Select(s => $"{id}:{s}"), documents.Select(d => d.Key));
        Assert.All(documents, d => Assert.Equal(1, d.Requests));
        Assert.Empty(service.System.UndoneStepsOf(id));
        Assert.Equal(documents.Select(d => d.Number), view.StateAs<OrderState>().Documents);
        Assert.Equal("c-1", view.StateAs<OrderState>().Customer);
        Assert.Equal(["Started"], view.History.Select(h => h.Kind));
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Every_transition_is_in_the_outbox_once(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);

        var id = await service.StartOrderAsync();
        await service.WaitForAsync(id, WorkflowStatus.Completed);

        var events = await service.OutboxEventsAsync(id);
        Assert.Equal(
            ["Started", "StepCompleted:reserve", "StepCompleted:invoice", "StepCompleted:ship", "StepCompleted:notify", "Completed"],
            events.Select(e => e.Step is null ? e.Kind : $"{e.Kind}:{e.Step}"));
        Assert.Equal(["Running", "Running", "Running", "Running", "Running", "Completed"], events.Select(e => e.Status));
        Assert.All(events, e => Assert.Equal(OrderWorkflow.Name, e.Workflow));
    }
}
