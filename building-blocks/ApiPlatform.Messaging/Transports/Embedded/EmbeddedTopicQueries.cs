using Microsoft.Data.Sqlite;

namespace ApiPlatform.Messaging.Transports.Embedded;

/// <summary>A topic's figures and trimming on the embedded transport's file.</summary>
internal static class EmbeddedTopicQueries
{
    public static async Task<long> LagAsync(SqliteConnection connection, string topic, string group, CancellationToken cancellationToken)
    {
        await using var command = EmbeddedTransport.Command(connection, """
            SELECT (SELECT COUNT(*) FROM entries e WHERE e.topic = g.topic AND e.seq > g.last_delivered)
                 + (SELECT COUNT(*) FROM pending p WHERE p.topic = g.topic AND p.grp = g.grp)
            FROM groups g WHERE g.topic = $topic AND g.grp = $group
            """);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$group", group);
        return await command.ExecuteScalarAsync(cancellationToken) is long lag ? lag : 0;
    }

    /// <summary>
    /// Drops entries older than the cut-off below the floor: the oldest entry some group still needs, its first
    /// undelivered one or its oldest pending one.
    /// </summary>
    public static async Task<long> TrimAsync(SqliteConnection connection, string topic, long cutoff, CancellationToken cancellationToken)
    {
        await using var command = EmbeddedTransport.Command(connection, """
            DELETE FROM entries WHERE topic = $topic AND created_at < $cutoff AND seq < COALESCE((
                SELECT MIN(floor) FROM (
                    SELECT last_delivered + 1 AS floor FROM groups WHERE topic = $topic
                    UNION ALL SELECT MIN(seq) FROM pending WHERE topic = $topic)), 9223372036854775807)
            """);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
