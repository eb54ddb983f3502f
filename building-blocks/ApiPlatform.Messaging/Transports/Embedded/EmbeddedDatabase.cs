using Microsoft.Data.Sqlite;

namespace ApiPlatform.Messaging.Transports.Embedded;

/// <summary>
/// The embedded transport's SQLite file, shared by every service on the machine. SQLite admits one writer at a time
/// and assigns sequence numbers inside the write lock, so sequence order is commit order and a group's cursor never
/// skips a message.
/// </summary>
internal sealed class EmbeddedDatabase(string connectionString)
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_entries_topic_seq ON entries (topic, seq);
        CREATE TABLE IF NOT EXISTS groups (
            topic TEXT NOT NULL,
            grp TEXT NOT NULL,
            last_delivered INTEGER NOT NULL,
            PRIMARY KEY (topic, grp));
        CREATE TABLE IF NOT EXISTS pending (
            topic TEXT NOT NULL,
            grp TEXT NOT NULL,
            seq INTEGER NOT NULL,
            consumer TEXT NOT NULL,
            delivered_at INTEGER NOT NULL,
            delivery_count INTEGER NOT NULL,
            PRIMARY KEY (topic, grp, seq));
        """;

    private readonly SemaphoreSlim created = new(1, 1);
    private volatile bool ready;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // synchronous FULL (SQLite's default, spelled out): with NORMAL a power loss could take back an append whose
        // outbox row the producer's database, already synced, records as published, and the event would be lost.
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;", cancellationToken);
        if (!ready)
        {
            await CreateSchemaAsync(connection, cancellationToken);
        }
        return connection;
    }

    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await created.WaitAsync(cancellationToken);
        try
        {
            if (!ready)
            {
                await ExecuteAsync(connection, Schema, cancellationToken);
                ready = true;
            }
        }
        finally
        {
            created.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
