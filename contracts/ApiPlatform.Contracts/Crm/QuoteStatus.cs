using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Crm;

[JsonConverter(typeof(JsonStringEnumConverter<QuoteStatus>))]
public enum QuoteStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}
