using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ApiPlatform.Messaging.Transports.Embedded;

/// <summary>
/// The one-machine transport: an append-only table per topic in one SQLite file, with a cursor and a pending list per
/// consumer group, mirroring Redis Streams' consumer groups (Garnet, the embedded Redis, has no stream commands).
/// </summary>
public sealed class EmbeddedTransport(string connectionString, TimeProvider clock) : IMessageTransport
{
    // Every service in this process that shares the file shares its signals, so a publish wakes their consumers;
    // consumers in other processes find the messages at their next poll.
    private static readonly ConcurrentDictionary<(string File, string Topic), PublishSignal> Signals = new();

    private readonly EmbeddedDatabase database = new(connectionString);
    private readonly string file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public async Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var insert = Command(connection, "INSERT INTO entries (topic, body, created_at) VALUES ($topic, $body, $now)");
        insert.Parameters.AddWithValue("$topic", topic);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var message in messages)
        {
            body.Value = message;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        Signal(topic).Notify();
    }

    public Task WhenPublished(string topic) => Signal(topic).Next;

    public async Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "INSERT OR IGNORE INTO groups (topic, grp, last_delivered) VALUES ($topic, $group, 0)");
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$group", group);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var reset = Command(connection, """
            DELETE FROM pending WHERE topic = $topic AND grp = $group;
            INSERT INTO groups (topic, grp, last_delivered) VALUES ($topic, $group, 0)
                ON CONFLICT (topic, grp) DO UPDATE SET last_delivered = 0;
            """);
        reset.Parameters.AddWithValue("$topic", topic);
        reset.Parameters.AddWithValue("$group", group);
        await reset.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Signal(topic).Notify();
    }

    public async Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
        string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var reader = new EmbeddedGroupReader(connection, topic, group, consumer, now);
        var messages = await reader.ReclaimAsync(count, now - (long)reclaimAfter.TotalMilliseconds, cancellationToken);
        if (messages.Count < count)
        {
            messages.AddRange(await reader.ReadNewAsync(count - messages.Count, cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return messages;
    }

    public async Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var delete = Command(connection, "DELETE FROM pending WHERE topic = $topic AND grp = $group AND seq = $seq");
        delete.Parameters.AddWithValue("$topic", topic);
        delete.Parameters.AddWithValue("$group", group);
        var seq = delete.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var id in messageIds)
        {
            seq.Value = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await EmbeddedTopicQueries.LagAsync(connection, topic, group, cancellationToken);
    }

    public async Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var cutoff = (clock.GetUtcNow() - retention).ToUnixTimeMilliseconds();
        return await EmbeddedTopicQueries.TrimAsync(connection, topic, cutoff, cancellationToken);
    }

    private PublishSignal Signal(string topic) => Signals.GetOrAdd((file, topic), _ => new PublishSignal());

    internal static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
