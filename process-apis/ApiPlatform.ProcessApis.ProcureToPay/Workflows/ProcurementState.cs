using ApiPlatform.Contracts;
using ApiPlatform.Contracts.ProcureToPay;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

/// <summary>
/// What a requisition's workflow knows, saved with its instance after every step and milestone: the request, the
/// approval decisions, the purchase order, the receipts, the supplier's invoice, the last match, the exception it opened
/// and its resolutions, the payable and the payment.
/// </summary>
public sealed class ProcurementState
{
    public required string Tenant { get; init; }

    public required string RequestedBy { get; init; }

    public required string Description { get; init; }

    public required string Category { get; init; }

    public required string SupplierId { get; init; }

    public required Money Total { get; init; }

    public required List<StateLine> Lines { get; init; }

    /// <summary>The caller's Idempotency-Key, so a retry of the same create answers the same requisition.</summary>
    public string? RequestKey { get; init; }

    public int ApprovalLevels { get; set; } = -1;

    public DateTimeOffset? ApprovalDeadline { get; set; }

    public List<RequisitionApprovalDecision> Decisions { get; init; } = [];

    public string? PurchaseOrderId { get; set; }

    public string? PurchaseOrderNumber { get; set; }

    public List<RequisitionReceipt> Receipts { get; init; } = [];

    public StateInvoice? Invoice { get; set; }

    /// <summary>Invoice numbers the supplier has sent before (rejected ones); a corrected invoice needs a new number.</summary>
    public List<string> RejectedInvoices { get; init; } = [];

    public StateException? Exception { get; set; }

    public string? SupplierInvoiceId { get; set; }

    public string? SupplierPaymentId { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public decimal Received(int lineNumber) => Receipts.SelectMany(r => r.Lines).Where(l => l.LineNumber == lineNumber).Sum(l => l.Quantity);
}

public sealed record StateLine(int LineNumber, string Sku, string Description, decimal Quantity, decimal UnitPrice);

public sealed record StateInvoice(
    string Number, DateOnly InvoiceDate, DateOnly DueDate, decimal Tax, List<InvoiceLineRequest> Lines, string SubmittedBy, DateTimeOffset SubmittedAt)
{
    public decimal Net => Lines.Sum(l => Math.Round(l.Quantity * l.UnitPrice, 2, MidpointRounding.AwayFromZero));
}

/// <summary>The exception the current invoice opened, its last match and every resolution (the table mirrors it for lists).</summary>
public sealed class StateException
{
    public required string Id { get; init; }

    public required string InvoiceNumber { get; set; }

    public ExceptionStatus Status { get; set; }

    public List<string> Reasons { get; set; } = [];

    public List<MatchLine> Lines { get; set; } = [];

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How many receipts there were when it was resolved as "wait for a further receipt".</summary>
    public int ReceiptsAtResolution { get; set; }

    public List<ExceptionResolution> Resolutions { get; init; } = [];
}
