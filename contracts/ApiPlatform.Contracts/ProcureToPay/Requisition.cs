using System.Text.Json.Serialization;
using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.Contracts.ProcureToPay;

[JsonConverter(typeof(JsonStringEnumConverter<RequisitionState>))]
public enum RequisitionState
{
    /// <summary>Accepted; its workflow has not reached a waiting point or an end yet.</summary>
    Submitted,
    AwaitingApproval,
    /// <summary>The purchase order is placed; goods receipts and the supplier's invoice are expected.</summary>
    Ordered,
    /// <summary>The invoice did not match the order and the receipts: an exception waits for its resolution.</summary>
    Exception,
    /// <summary>Matched (or accepted), posted to payables; the payment waits for the invoice's due date.</summary>
    PaymentScheduled,
    Paid,
    /// <summary>An approver rejected it or no approver decided before the deadline.</summary>
    Rejected,
    Withdrawn,
    /// <summary>Being undone (rejected, withdrawn or failed): its purchase order is being cancelled.</summary>
    Compensating,
    /// <summary>A system kept failing; what was done was undone.</summary>
    Failed,
    /// <summary>Undoing failed: an operator must look (workflow admin API).</summary>
    CompensationFailed,
}

/// <summary>
/// The status resource of one requisition (<c>status</c> is a <see cref="RequisitionState"/>): its lines with ordered, received and invoiced quantities, the approval with
/// every decision, the purchase order, the invoice and its match, the payable and the payment, and each step's timeline.
/// </summary>
public sealed record Requisition(
    string Id,
    string Description,
    string SupplierId,
    Money Amount,
    string Status,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    string? Tenant = null,
    string? Category = null,
    string? Reason = null,
    string? CurrentStep = null,
    IReadOnlyList<RequisitionLine>? Lines = null,
    RequisitionApproval? Approval = null,
    RequisitionDocuments? Documents = null,
    RequisitionInvoice? Invoice = null,
    IReadOnlyList<RequisitionReceipt>? Receipts = null,
    string? ExceptionId = null,
    IReadOnlyList<OrderRequestStep>? Steps = null,
    IReadOnlyList<OrderRequestStep>? Compensations = null,
    DateTimeOffset? UpdatedAt = null);

public sealed record RequisitionLine(int LineNumber, string Sku, string Description, decimal Quantity, Money UnitPrice, decimal Received, decimal Invoiced);

/// <summary>How many approval levels the policy asked for, the deadline of the current one, and every decision made.</summary>
public sealed record RequisitionApproval(int RequiredLevels, string Policy, DateTimeOffset? Deadline, IReadOnlyList<RequisitionApprovalDecision> Decisions);

public sealed record RequisitionApprovalDecision(int Level, string Decision, string DecidedBy, DateTimeOffset DecidedAt, string? Comment);

public sealed record RequisitionDocuments(string? PurchaseOrderId, string? PurchaseOrderNumber, string? SupplierInvoiceId, string? SupplierPaymentId);

public sealed record RequisitionInvoice(string Number, DateOnly InvoiceDate, DateOnly DueDate, Money Net, Money Tax, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record RequisitionReceipt(string ReceiptId, string? Number, DateTimeOffset ReceivedAt, IReadOnlyList<ReceiptLineRequest> Lines);
