namespace ApiPlatform.Contracts.QuoteToCash;

/// <summary>The status resource of one order request, with the timeline of its steps.</summary>
public sealed record OrderRequestStatus(
    string Id,
    string Tenant,
    string QuoteId,
    OrderRequestState Status,
    string? Reason,
    string? SalesOrderId,
    Money? Total,
    IReadOnlyList<OrderRequestStep> Steps,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record OrderRequestStep(string Name, StepState Status, string? Detail, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);
