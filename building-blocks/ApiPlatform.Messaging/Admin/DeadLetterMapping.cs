using System.Text.Json;
using ApiPlatform.Messaging.DeadLetters;

namespace ApiPlatform.Messaging.Admin;

internal static class DeadLetterMapping
{
    public static DeadLetterSummary Summary(DeadLetter d) => new(d.Id, d.EventId, d.Group, d.Type, d.Subject, d.Tenant, d.Status.ToString(),
        d.Attempts, Time(d.FirstFailureAt), Time(d.LastFailureAt), Time(d.DeadLetteredAt), d.ReplayCount);

    public static DeadLetterDetail Detail(DeadLetter d) => new(Summary(d), d.Error, Parse(d.Envelope), TimeOrNull(d.ReplayRequestedAt),
        TimeOrNull(d.ReplayedAt), TimeOrNull(d.DiscardedAt), d.DiscardReason);

    private static JsonElement? Parse(string envelope)
    {
        try
        {
            using var document = JsonDocument.Parse(envelope);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? TimeOrNull(long? ms) => ms is { } value ? Time(value) : null;
}
