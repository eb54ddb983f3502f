namespace ApiPlatform.Contracts.QuoteToCash;

/// <summary>
/// The status resource of one order request: its state, the step it is at, each step with its times, attempts and last
/// error, the compensations that ran (newest first), the approval, and what happened to the order afterwards.
/// </summary>
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
    DateTimeOffset UpdatedAt,
    string? CurrentStep = null,
    string? InvoiceId = null,
    OrderApproval? Approval = null,
    IReadOnlyList<OrderRequestStep>? Compensations = null,
    IReadOnlyList<OrderShipment>? Shipments = null,
    Money? AmountPaid = null,
    DateTimeOffset? PaidAt = null,
    OrderDocuments? Documents = null);

public sealed record OrderRequestStep(
    string Name, StepState Status, string? Detail, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, int Attempts = 0, string? LastError = null);

/// <summary>Whether the order needed a finance approver, by when, and who decided what and when.</summary>
public sealed record OrderApproval(bool Required, DateTimeOffset? Deadline, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>The documents the order request made in each system of record (each made once, with its step's key).</summary>
public sealed record OrderDocuments(
    string? CreditAssessmentId, IReadOnlyList<string> ReservationIds, string? SalesOrderId, string? InvoiceId, string? BillingCustomerId,
    IReadOnlyList<string> SubscriptionIds);

public sealed record OrderShipment(string ShipmentId, string Number, DateTimeOffset ShippedAt);
