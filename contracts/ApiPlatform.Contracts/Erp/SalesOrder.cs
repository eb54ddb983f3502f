namespace ApiPlatform.Contracts.Erp;

public sealed record SalesOrder(
    string Id,
    string Tenant,
    string Number,
    string CustomerAccountId,
    string? QuoteId,
    SalesOrderStatus Status,
    IReadOnlyList<SalesOrderLine> Lines,
    Money Total,
    DateTimeOffset CreatedAt,
    SourceReference Source);

public sealed record SalesOrderLine(int LineNumber, string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent, Money NetAmount);
