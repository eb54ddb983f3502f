using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.ProcureToPay;

[JsonConverter(typeof(JsonStringEnumConverter<ExceptionStatus>))]
public enum ExceptionStatus
{
    Open,
    /// <summary>Resolved as "wait for a further receipt": matched again when goods arrive.</summary>
    WaitingForReceipt,
    /// <summary>Resolved as "reject": waits for the supplier's corrected invoice.</summary>
    AwaitingCorrectedInvoice,
    /// <summary>An approver accepted the invoice as it is.</summary>
    Accepted,
    /// <summary>A further receipt or a corrected invoice made it match.</summary>
    Resolved,
    /// <summary>The requisition ended (withdrawn, failed) while the exception was open.</summary>
    Closed,
}

/// <summary>
/// A three-way-match exception: the supplier invoice of a requisition did not match its purchase order and receipts.
/// <c>Reasons</c> lists the kinds found (<c>quantity</c>, <c>price</c>, <c>total</c>, <c>line</c>); each line says its own.
/// </summary>
public sealed record ProcurementException(
    string Id,
    string Tenant,
    string RequisitionId,
    string SupplierId,
    string? PurchaseOrderId,
    string InvoiceNumber,
    ExceptionStatus Status,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<MatchLine> Lines,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<ExceptionResolution> Resolutions);

/// <summary>
/// One purchase order line in a match: ordered quantity and price, received quantity, invoiced quantity and price, the
/// amount expected (ordered price × received quantity) against the amount invoiced, and what did not match.
/// </summary>
public sealed record MatchLine(
    int LineNumber, decimal Ordered, decimal Received, decimal Invoiced, decimal OrderedUnitPrice, decimal InvoicedUnitPrice,
    decimal ExpectedAmount, decimal InvoicedAmount, IReadOnlyList<string> Reasons);

/// <summary>Who resolved an exception how, when, and why (every resolution is kept).</summary>
public sealed record ExceptionResolution(string Action, string By, DateTimeOffset At, string? Comment);
