namespace ApiPlatform.ProcessApis.ProcureToPay.Data;

/// <summary>A purchase requisition: the start of a procure-to-pay instance.</summary>
public sealed class RequisitionEntity
{
    public required string Id { get; init; }
    public required string RequestedBy { get; init; }
    public required string Description { get; init; }
    public required string SupplierId { get; init; }
    public decimal Amount { get; init; }
    public required string Currency { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
