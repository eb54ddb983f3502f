namespace ApiPlatform.Contracts.Finance;

/// <summary>A customer invoice; <c>AmountDue</c> is the total less payments applied and credit notes.</summary>
public sealed record Invoice(
    string Id,
    string Tenant,
    string Number,
    string AccountId,
    string? SalesOrderId,
    InvoiceStatus Status,
    string Jurisdiction,
    IReadOnlyList<InvoiceLine> Lines,
    Money Subtotal,
    Money Tax,
    Money Total,
    Money AmountPaid,
    Money AmountCredited,
    Money AmountDue,
    DateTimeOffset IssuedAt,
    DateTimeOffset DueAt,
    SourceReference Source);

public sealed record InvoiceLine(
    int LineNumber,
    string Sku,
    string Description,
    decimal Quantity,
    Money UnitPrice,
    decimal DiscountPercent,
    Money NetAmount,
    string TaxCode,
    decimal TaxRate,
    Money TaxAmount);
