using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Finance;

[JsonConverter(typeof(JsonStringEnumConverter<CreditDecision>))]
public enum CreditDecision
{
    Approved,
    Declined,
}
