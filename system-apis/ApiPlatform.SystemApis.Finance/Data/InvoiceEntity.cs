using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed class InvoiceEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string AccountId { get; init; }
    public string? SalesOrderId { get; init; }
    public InvoiceStatus Status { get; set; }
    public required string Currency { get; init; }
    public required string Jurisdiction { get; init; }
    public decimal Subtotal { get; init; }
    public decimal Tax { get; init; }
    public decimal AmountPaid { get; set; }
    public decimal AmountCredited { get; set; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public required string CreatedBy { get; init; }
    public required string IdempotencyKey { get; init; }
    public string? VoidReason { get; set; }
    public List<InvoiceLineEntity> Lines { get; init; } = [];

    public decimal Total => Subtotal + Tax;

    public decimal AmountDue => Status == InvoiceStatus.Void ? 0m : Total - AmountPaid - AmountCredited;
}

public sealed class InvoiceLineEntity
{
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string Description { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal DiscountPercent { get; init; }
    public decimal NetAmount { get; init; }
    public required string TaxCode { get; init; }
    public decimal TaxRate { get; init; }
    public decimal TaxAmount { get; init; }
}
