using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Erp;

[JsonConverter(typeof(JsonStringEnumConverter<SalesOrderStatus>))]
public enum SalesOrderStatus
{
    Open,
    Released,
    Shipped,
    Cancelled,
}
