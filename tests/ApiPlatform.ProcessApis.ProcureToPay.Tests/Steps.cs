using ApiPlatform.Contracts;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.Workflows;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>Runs one of the workflow's declared steps as the runtime runs it, for the steps that call no system.</summary>
internal static class Steps
{
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public static ProcureToPayOptions Rules() => new()
    {
        Approval = new ApprovalRules
        {
            Default = new ApprovalPolicy { AutoApproveBelow = 1_000m, SecondLevelFrom = 10_000m, Deadline = TimeSpan.FromDays(3) },
            Categories = { ["capex"] = new ApprovalPolicy { AutoApproveBelow = 0m, SecondLevelFrom = 5_000m, Deadline = TimeSpan.FromDays(5) } },
            Levels =
            {
                new ApprovalLevel { Name = "procurement", Approvers = { "procurement-app" } },
                new ApprovalLevel { Name = "finance", Approvers = { "finance-app" } },
            },
        },
        ExceptionApprovers = { "finance-app" },
    };

    public static ProcurementState State(decimal total, string category = "general", params StateLine[] lines) => new()
    {
        Tenant = "acme", RequestedBy = "integration-app", Description = "Hydraulic pumps", Category = category, SupplierId = "sup-acme-001",
        Total = new Money(total, "EUR"), Lines = lines.Length > 0 ? [.. lines] : [new StateLine(1, "PUMP-H2", "Hydraulic pump", 1m, total)],
    };

    public static Task<StepResult> RunAsync(string step, ProcurementState state, WorkflowSignal? signal, DateTimeOffset now, ProcureToPayOptions? rules = null)
    {
        // These steps call no system: the clients, the outbox and the database are not needed.
        var workflow = new RequisitionWorkflow(null!, null!, Options.Create(rules ?? Rules()), null!, null!);
        var declared = workflow.Steps.Single(s => s.Name == step);
        return declared.Run(new StepContext<ProcurementState>
        {
            InstanceId = "pr-1", Step = step, Tenant = "acme", IdempotencyKey = $"pr-1:{step}", Attempt = 1, State = state, Signal = signal, Now = now,
        }, CancellationToken.None);
    }

    public static WorkflowSignal Decision(int level, string decision, string by, DateTimeOffset at, string? comment = null) =>
        new(RequisitionWorkflow.ApprovalSignal, System.Text.Json.JsonSerializer.SerializeToElement(
            new ApprovalSignalPayload(level, decision, comment), System.Text.Json.JsonSerializerOptions.Web), by, at);

    public static WorkflowSignal Input(DateTimeOffset at) => new(RequisitionWorkflow.MatchSignal, null, "test", at);
}
