using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Crm;

[JsonConverter(typeof(JsonStringEnumConverter<OpportunityStage>))]
public enum OpportunityStage
{
    Prospecting,
    Qualification,
    Proposal,
    Negotiation,
    ClosedWon,
    ClosedLost,
}
