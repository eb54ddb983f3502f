namespace ApiPlatform.Contracts.Finance;

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
    SourceReference Source);
