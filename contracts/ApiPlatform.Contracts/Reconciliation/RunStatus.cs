using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Reconciliation;

[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}
