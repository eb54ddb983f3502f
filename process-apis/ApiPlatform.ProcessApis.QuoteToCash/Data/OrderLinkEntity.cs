namespace ApiPlatform.ProcessApis.QuoteToCash.Data;

public enum OrderLinkKind
{
    SalesOrder,
    Invoice,
}

/// <summary>Which order request a sales order or invoice belongs to, for the shipment and payment events that follow.</summary>
public sealed class OrderLinkEntity
{
    public OrderLinkKind Kind { get; init; }
    public required string DocumentId { get; init; }
    public required string OrderRequestId { get; init; }
}
