using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Workflows.Tests.SystemOfRecord;

namespace ApiPlatform.Workflows.Tests.TestWorkflows;

/// <summary>Four steps, each making a document in the system of record under its idempotency key, each undone by its compensation.</summary>
public sealed class OrderWorkflow : IWorkflow<OrderState>
{
    public static readonly string[] StepNames = ["reserve", "invoice", "ship", "notify"];

    private readonly ISystemOfRecordApi system;
    private readonly IEventPublisher events;

    public OrderWorkflow(ISystemOfRecordApi system, IEventPublisher events)
    {
        this.system = system;
        this.events = events;
        Steps = StepNames.Select(name => new WorkflowStep<OrderState>(name, (c, ct) => RunAsync(name, c, ct), (c, ct) => UndoAsync(name, c, ct))).ToList();
    }

    public static string Name => "workflowtest.order";

    public IReadOnlyList<WorkflowStep<OrderState>> Steps { get; }

    public void OnTransition(WorkflowTransition<OrderState> transition) => events.Publish(new WorkflowTransitioned(
        transition.InstanceId, Name, transition.Kind.ToString(), transition.Status.ToString(), transition.Step, transition.Reason));

    private async Task<StepResult> RunAsync(string step, StepContext<OrderState> context, CancellationToken cancellationToken)
    {
        var receipt = await system.CreateAsync(step, context.IdempotencyKey, new DocumentRequest(context.InstanceId), cancellationToken);
        context.State.Documents.Add(receipt.Number);
        return StepResult.Done($"document {receipt.Number}");
    }

    private Task UndoAsync(string step, StepContext<OrderState> context, CancellationToken cancellationToken) =>
        system.UndoAsync(step, context.IdempotencyKey, new DocumentRequest(context.InstanceId), cancellationToken);
}
