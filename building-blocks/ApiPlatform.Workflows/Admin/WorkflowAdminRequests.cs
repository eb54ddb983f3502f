using FluentValidation;

namespace ApiPlatform.Workflows.Admin;

/// <summary>The query string of the instance list: filters and offset paging (limit 1..200, default 50).</summary>
public sealed record WorkflowInstanceQuery(
    string? Type, WorkflowStatus? Status, string? Tenant, TimeSpan? MinAge, TimeSpan? MaxAge, int? Offset, int? Limit)
{
    public WorkflowFilter ToFilter() => new(Type, Status, Tenant, MinAge, MaxAge);

    public int Skip => Math.Max(Offset ?? 0, 0);

    public int Take => Math.Clamp(Limit ?? 50, 1, 200);
}

/// <summary>Why an operator cancels an instance; kept in its history.</summary>
public sealed record CancelWorkflowRequest(string Reason);

internal sealed class CancelWorkflowRequestValidator : AbstractValidator<CancelWorkflowRequest>
{
    public CancelWorkflowRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}

public sealed record WorkflowInstancePage(IReadOnlyList<WorkflowInstanceSummary> Items, int Total, int Offset, int Limit);
