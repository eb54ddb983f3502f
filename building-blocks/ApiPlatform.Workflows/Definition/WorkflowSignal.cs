using System.Text.Json;

namespace ApiPlatform.Workflows;

/// <summary>A signal a waiting step received (an approval decision, an event), or its deadline passing (<see cref="TimedOut"/>).</summary>
public sealed record WorkflowSignal(string Name, JsonElement? Payload, string? Actor, DateTimeOffset ReceivedAt, bool TimedOut = false)
{
    public T? PayloadAs<T>() => Payload is { } payload ? payload.Deserialize<T>(JsonSerializerOptions.Web) : default;
}
