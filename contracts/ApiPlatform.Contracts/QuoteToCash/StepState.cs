using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.QuoteToCash;

[JsonConverter(typeof(JsonStringEnumConverter<StepState>))]
public enum StepState
{
    Pending,
    Running,
    Succeeded,
    Rejected,
    Failed,
    Waiting,
    Retrying,
    Skipped,
}
