using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Crm;

[JsonConverter(typeof(JsonStringEnumConverter<QuoteStatus>))]
public enum QuoteStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,

    /// <summary>The customer accepted the approved quote: the contract is recorded and its opportunity won.</summary>
    Accepted,
}
