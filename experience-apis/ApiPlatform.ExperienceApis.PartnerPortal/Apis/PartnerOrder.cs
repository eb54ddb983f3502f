using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

/// <summary>
/// An order as a partner sees it: the order request's status, the step it is at, its step timeline, what was undone
/// (newest first) and its approval, and the sales order once it exists. <see cref="Unavailable"/> names the parts that
/// could not be loaded; the rest of the view is still answered.
/// </summary>
public sealed record PartnerOrder(
    string Id, string QuoteId, OrderRequestState Status, string? Reason, Money? Total,
    IReadOnlyList<OrderRequestStep> Timeline, PartnerSalesOrder? SalesOrder, IReadOnlyList<string> Unavailable,
    string? CurrentStep = null, IReadOnlyList<OrderRequestStep>? Compensations = null, OrderApproval? Approval = null)
{
    // Attempts and technical errors are for operators: a partner sees each step's business outcome only.
    public static PartnerOrder From(OrderRequestStatus r, SalesOrder? salesOrder = null, IReadOnlyList<string>? unavailable = null) => new(
        r.Id, r.QuoteId, r.Status, r.Reason, r.Total, ForPartner(r.Steps),
        salesOrder is null ? null : new PartnerSalesOrder(salesOrder.Number, salesOrder.Status, salesOrder.Total, salesOrder.CreatedAt),
        unavailable ?? [], r.CurrentStep, ForPartner(r.Compensations ?? []), r.Approval);

    private static List<OrderRequestStep> ForPartner(IEnumerable<OrderRequestStep> steps) => steps.Select(s => s with { Attempts = 0, LastError = null }).ToList();
}

public sealed record PartnerSalesOrder(string Number, SalesOrderStatus Status, Money Total, DateTimeOffset CreatedAt);
