using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.ExperienceApis.Analytics.Tests;

/// <summary>Events of one quote-to-cash order of the test's own, at fixed times.</summary>
internal sealed class OrderStory(string tenant)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public string Tenant { get; } = tenant;
    public string OrderRequestId { get; } = Guid.NewGuid().ToString();
    public string QuoteId { get; } = "Q-" + Guid.NewGuid().ToString("N")[..8];
    public string SalesOrderId { get; } = "SO-" + Guid.NewGuid().ToString("N")[..8];
    public string InvoiceId { get; } = "INV-" + Guid.NewGuid().ToString("N")[..8];
    public Money Total { get; } = new(1200m, "EUR");

    public QuoteApproved QuoteApproved() =>
        new(QuoteId, Tenant, "ACC-1", "Q-100", Total, new SourceReference("embedded", QuoteId), T0);

    public OrderRequestStarted Started() =>
        new(OrderRequestId, Tenant, QuoteId, OrderRequestState.Running, null, null, null, null, Total, T0.AddMinutes(1));

    public OrderRequestAwaitingApproval AwaitingApproval() =>
        new(OrderRequestId, Tenant, QuoteId, OrderRequestState.AwaitingApproval, "approval", "above threshold", null, null, Total, T0.AddMinutes(2));

    public OrderRequestStepCompleted Approved() =>
        new(OrderRequestId, Tenant, QuoteId, OrderRequestState.Running, "approval", null, null, null, Total, T0.AddMinutes(32));

    public OrderRequestStepCompleted SalesOrderCreated() =>
        new(OrderRequestId, Tenant, QuoteId, OrderRequestState.Running, "sales-order", null, SalesOrderId, null, Total, T0.AddMinutes(33));

    public OrderRequestCompleted Completed() =>
        new(OrderRequestId, Tenant, QuoteId, OrderRequestState.Completed, null, null, SalesOrderId, InvoiceId, Total, T0.AddMinutes(35));

    public SalesOrderStatusChanged SalesOrderOpened() =>
        new(SalesOrderId, Tenant, "SO-100", "ACC-1", null, SalesOrderStatus.Open, null, new SourceReference("embedded", SalesOrderId), T0.AddMinutes(33));
}
