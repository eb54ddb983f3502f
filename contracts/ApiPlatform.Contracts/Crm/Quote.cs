namespace ApiPlatform.Contracts.Crm;

public sealed record Quote(
    string Id,
    string Tenant,
    string Number,
    string AccountId,
    QuoteStatus Status,
    IReadOnlyList<QuoteLine> Lines,
    Money Subtotal,
    Money Discount,
    Money Tax,
    Money Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset ValidUntil,
    SourceReference Source,
    string? OpportunityId = null,
    string? DecisionReason = null,
    bool OrderOnApproval = false);

public sealed record QuoteLine(int LineNumber, string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent, Money NetAmount);
