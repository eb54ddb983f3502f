using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.QuoteToCash;

[JsonConverter(typeof(JsonStringEnumConverter<OrderRequestState>))]
public enum OrderRequestState
{
    Running,
    Completed,
    Rejected,
    Failed,
}
