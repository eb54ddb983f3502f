using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Finance;

[JsonConverter(typeof(JsonStringEnumConverter<InvoiceStatus>))]
public enum InvoiceStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Void,
}
