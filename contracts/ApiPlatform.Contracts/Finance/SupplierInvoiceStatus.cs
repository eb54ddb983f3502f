using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Finance;

[JsonConverter(typeof(JsonStringEnumConverter<SupplierInvoiceStatus>))]
public enum SupplierInvoiceStatus
{
    Open,
    PartiallyPaid,
    Paid,
}
