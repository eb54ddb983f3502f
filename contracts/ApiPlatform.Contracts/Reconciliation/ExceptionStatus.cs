using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Reconciliation;

/// <summary><c>Open</c> until resolved by a person or <c>Cleared</c> because a later run or a re-check no longer finds it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExceptionStatus>))]
public enum ExceptionStatus
{
    Open,
    Resolved,
    Cleared,
}
