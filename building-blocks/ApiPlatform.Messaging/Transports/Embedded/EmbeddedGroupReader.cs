using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ApiPlatform.Messaging.Transports.Embedded;

/// <summary>One receive of one consumer of a group, inside the caller's write transaction.</summary>
internal sealed class EmbeddedGroupReader(SqliteConnection connection, string topic, string group, string consumer, long now)
{
    public async Task<List<TransportMessage>> ReclaimAsync(int count, long idleBefore, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            UPDATE pending SET consumer = $consumer, delivered_at = $now, delivery_count = delivery_count + 1
            WHERE topic = $topic AND grp = $group AND seq IN (
                SELECT seq FROM pending WHERE topic = $topic AND grp = $group AND delivered_at <= $idleBefore ORDER BY seq LIMIT $count)
            RETURNING seq, delivery_count, (SELECT body FROM entries e WHERE e.seq = pending.seq)
            """);
        command.Parameters.AddWithValue("$idleBefore", idleBefore);
        command.Parameters.AddWithValue("$count", count);
        var messages = new List<TransportMessage>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new TransportMessage(Id(reader.GetInt64(0)), reader.GetString(2), reader.GetInt32(1)));
            }
        }
        messages.Sort((a, b) => long.Parse(a.Id, CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Id, CultureInfo.InvariantCulture)));
        return messages;
    }

    public async Task<List<TransportMessage>> ReadNewAsync(int count, CancellationToken cancellationToken)
    {
        await using var select = Command("""
            SELECT e.seq, e.body FROM entries e JOIN groups g ON g.topic = e.topic AND g.grp = $group
            WHERE e.topic = $topic AND e.seq > g.last_delivered ORDER BY e.seq LIMIT $count
            """);
        select.Parameters.AddWithValue("$count", count);
        var messages = new List<TransportMessage>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new TransportMessage(Id(reader.GetInt64(0)), reader.GetString(1), 1));
            }
        }
        if (messages.Count > 0)
        {
            await MarkDeliveredAsync(messages, cancellationToken);
        }
        return messages;
    }

    private async Task MarkDeliveredAsync(List<TransportMessage> messages, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            "INSERT INTO pending (topic, grp, seq, consumer, delivered_at, delivery_count) VALUES ($topic, $group, $seq, $consumer, $now, 1)");
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var message in messages)
        {
            seq.Value = long.Parse(message.Id, CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var advance = Command("UPDATE groups SET last_delivered = $seq WHERE topic = $topic AND grp = $group");
        advance.Parameters.AddWithValue("$seq", long.Parse(messages[^1].Id, CultureInfo.InvariantCulture));
        await advance.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand Command(string sql)
    {
        var command = EmbeddedTransport.Command(connection, sql);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$group", group);
        command.Parameters.AddWithValue("$consumer", consumer);
        command.Parameters.AddWithValue("$now", now);
        return command;
    }

    private static string Id(long seq) => seq.ToString(CultureInfo.InvariantCulture);
}
