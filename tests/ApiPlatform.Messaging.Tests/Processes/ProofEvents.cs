using ApiPlatform.Messaging.Envelope;

namespace ApiPlatform.Messaging.Tests.Processes;

internal static class ProofEvents
{
    /// <summary>The order number inside a published CloudEvent.</summary>
    public static int NumberOf(string body) => CloudEventSerializer.Deserialize(body).Data!.Value.GetProperty("number").GetInt32();

    public static HashSet<int> ParseNumbers(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',').Select(int.Parse).ToHashSet();
}
