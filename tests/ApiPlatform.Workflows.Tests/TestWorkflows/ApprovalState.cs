namespace ApiPlatform.Workflows.Tests.TestWorkflows;

public sealed class ApprovalState
{
    /// <summary>How long the approval may take; none means it waits without a deadline.</summary>
    public int? DeadlineMinutes { get; set; }

    public string? ApprovedBy { get; set; }
}

/// <summary>The payload of an <c>approval</c> signal.</summary>
public sealed record ApprovalDecision(bool Approved, string? Comment = null);
