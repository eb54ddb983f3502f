using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Erp;

[JsonConverter(typeof(JsonStringEnumConverter<ReservationStatus>))]
public enum ReservationStatus
{
    Active,
    Released,
    Expired,
    Consumed,
}
