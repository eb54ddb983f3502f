using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.QuoteToCash;

// The integration events of quote-to-cash order requests (topic "quote-to-cash"). They share one shape, so a consumer
// (analytics) reads every one alike; the subject is the order request, so its events arrive in order.

/// <summary>An order request was accepted and its workflow started.</summary>
public sealed record OrderRequestStarted(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.started.v1";

    public string Subject => OrderRequestId;
}

/// <summary>A step of an order request completed (or was skipped); <c>Step</c> names it.</summary>
public sealed record OrderRequestStepCompleted(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.step-completed.v1";

    public string Subject => OrderRequestId;
}

/// <summary>An order request waits for a finance approver.</summary>
public sealed record OrderRequestAwaitingApproval(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.awaiting-approval.v1";

    public string Subject => OrderRequestId;
}

/// <summary>Every step of an order request completed: ordered, invoiced and billed.</summary>
public sealed record OrderRequestCompleted(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.completed.v1";

    public string Subject => OrderRequestId;
}

/// <summary>An order request was refused; its completed steps were undone. <c>Reason</c> says why.</summary>
public sealed record OrderRequestRejected(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.rejected.v1";

    public string Subject => OrderRequestId;
}

/// <summary>An order request failed because a system kept failing; its completed steps were undone.</summary>
public sealed record OrderRequestFailed(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.failed.v1";

    public string Subject => OrderRequestId;
}

/// <summary>An order request was cancelled; its completed steps were undone.</summary>
public sealed record OrderRequestCancelled(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.cancelled.v1";

    public string Subject => OrderRequestId;
}

/// <summary>A step of an order request could not be undone; <c>Step</c> names it.</summary>
public sealed record OrderRequestCompensationFailed(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.compensation-failed.v1";

    public string Subject => OrderRequestId;
}

/// <summary>Goods of an ordered quote left the warehouse.</summary>
public sealed record OrderRequestShipped(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.shipped.v1";

    public string Subject => OrderRequestId;
}

/// <summary>The invoice of an ordered quote is paid in full.</summary>
public sealed record OrderRequestPaid(
    string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
    string? InvoiceId, Money? Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "quote-to-cash.order.paid.v1";

    public string Subject => OrderRequestId;
}
