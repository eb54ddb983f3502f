namespace ApiPlatform.Workflows.Tests.TestWorkflows;

/// <summary>The test workflows publish every transition through the outbox, in the transition's transaction.</summary>
public sealed record WorkflowTransitioned(string InstanceId, string Workflow, string Kind, string Status, string? Step, string? Reason) : IIntegrationEvent
{
    public static string EventType => "workflowtest.instance.transitioned.v1";

    public string Subject => InstanceId;
}
