using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Erp;

[JsonConverter(typeof(JsonStringEnumConverter<PurchaseOrderStatus>))]
public enum PurchaseOrderStatus
{
    Open,
    PartiallyReceived,
    Received,
    Cancelled,
}
