namespace ApiPlatform.Contracts.Finance;

/// <summary>A credit decision; an approved amount counts against the credit line until <c>ReleasedAt</c>.</summary>
public sealed record CreditAssessment(
    string Id,
    string Tenant,
    string AccountId,
    Money Requested,
    Money CreditLimit,
    Money OpenExposure,
    Money AvailableCredit,
    CreditDecision Decision,
    string? Reason,
    DateTimeOffset AssessedAt,
    SourceReference Source,
    DateTimeOffset? ReleasedAt = null);
