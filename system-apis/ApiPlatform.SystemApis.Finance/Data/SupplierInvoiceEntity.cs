using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed class SupplierInvoiceEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string SupplierId { get; init; }
    public required string SupplierInvoiceNumber { get; init; }
    public string? PurchaseOrderId { get; init; }
    public SupplierInvoiceStatus Status { get; set; }
    public required string Currency { get; init; }
    public decimal Net { get; init; }
    public decimal Tax { get; init; }
    public decimal AmountPaid { get; set; }
    public DateOnly InvoiceDate { get; init; }
    public DateOnly DueDate { get; init; }

    public decimal Total => Net + Tax;
}

public sealed class SupplierPaymentEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string SupplierInvoiceId { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public required string Reference { get; init; }
    public DateTimeOffset PaidAt { get; init; }
}
