using System.Globalization;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Transports.Redis;

/// <summary>
/// Trims a stream by id (XTRIM MINID) to the older of the retention cut-off and the oldest entry any group still
/// needs (its oldest pending entry, or the first one after its last delivered id), never by length: MAXLEN would drop
/// entries a lagging group has not read yet.
/// </summary>
internal sealed class RedisStreamTrimmer(IDatabase database, RedisKey key, TimeProvider clock)
{
    public async Task<long> TrimAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        if (!await database.KeyExistsAsync(key).WaitAsync(cancellationToken))
        {
            return 0;
        }
        var floor = new StreamId((ulong)(clock.GetUtcNow() - retention).ToUnixTimeMilliseconds(), 0);
        foreach (var group in await database.StreamGroupInfoAsync(key).WaitAsync(cancellationToken))
        {
            floor = StreamId.Min(floor, StreamId.Parse(group.LastDeliveredId).Next());
            if (group.PendingMessageCount > 0)
            {
                var pending = await database.StreamPendingAsync(key, group.Name).WaitAsync(cancellationToken);
                floor = StreamId.Min(floor, StreamId.Parse(pending.LowestPendingMessageId.ToString()));
            }
        }
        var trimmed = await database.ExecuteAsync("XTRIM", key, "MINID", floor.ToString()).WaitAsync(cancellationToken);
        return (long)trimmed;
    }

    private readonly record struct StreamId(ulong Milliseconds, ulong Sequence) : IComparable<StreamId>
    {
        public static StreamId Parse(string? id)
        {
            if (string.IsNullOrEmpty(id))
            {
                return new StreamId(0, 0);
            }
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            return dash < 0
                ? new StreamId(ulong.Parse(id, CultureInfo.InvariantCulture), 0)
                : new StreamId(ulong.Parse(id[..dash], CultureInfo.InvariantCulture), ulong.Parse(id[(dash + 1)..], CultureInfo.InvariantCulture));
        }

        public static StreamId Min(StreamId a, StreamId b) => a.CompareTo(b) <= 0 ? a : b;

        public StreamId Next() => Sequence == ulong.MaxValue ? new StreamId(Milliseconds + 1, 0) : this with { Sequence = Sequence + 1 };

        public int CompareTo(StreamId other) =>
            Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
    }
}
