using ApiPlatform.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Benchmarks;

/// <summary>A database provider and a transport; each run gets fresh databases, a fresh stream prefix, and cleans up.</summary>
public sealed record Engine(string Name, string Database, string Transport, string? Postgres, string? Redis)
{
    /// <summary>
    /// Published rows in the producer's outbox before a run starts (BENCH_RETAINED): a service keeps its published
    /// rows for an hour (<c>Messaging:Outbox:PublishedRetention</c>), so a relay in production works beside them.
    /// </summary>
    public int RetainedPublished { get; init; }

    /// <summary>Writes <see cref="RetainedPublished"/> published rows, of another topic, into a fresh outbox.</summary>
    public void SeedRetained(DbContext producer)
    {
        if (RetainedPublished == 0)
        {
            return;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var count = RetainedPublished;
        _ = Database == "postgres"
            ? producer.Database.ExecuteSql($"""
                INSERT INTO messaging_outbox ("EventId", "Type", "Topic", "Subject", "Envelope", "CreatedAt", "Status", "PublishedAt", "Attempts")
                SELECT 'retained-' || i, 'bench.retained.v1', 'retained', 'retained-' || i, repeat('x', 600), {now}, 1, {now}, 0
                FROM generate_series(1, {count}) AS i
                """)
            : producer.Database.ExecuteSql($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
                INSERT INTO messaging_outbox ("EventId", "Type", "Topic", "Subject", "Envelope", "CreatedAt", "Status", "PublishedAt", "Attempts")
                SELECT 'retained-' || i, 'bench.retained.v1', 'retained', 'retained-' || i, substr(hex(zeroblob(300)), 1, 600), {now}, 1, {now}, 0
                FROM n
                """);
        producer.Database.ExecuteSqlRaw("ANALYZE messaging_outbox");
    }

    public async Task<(Dictionary<string, string?> Settings, string Producer, string Consumer, Func<Task> Cleanup)> PrepareAsync(string directory)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?> { ["Messaging:Source"] = "/bench", ["Messaging:Transport"] = Transport };
        if (Transport == "redis")
        {
            settings["Messaging:RedisConnectionString"] = Redis;
            settings["Messaging:RedisKeyPrefix"] = $"apiplatform-bench:{run}:";
        }
        else
        {
            settings["Messaging:EmbeddedConnectionString"] = $"Data Source={Path.Combine(directory, run + "-transport.db")}";
        }
        var producer = await CreateDatabaseAsync(directory, $"bench_{run}_producer");
        var consumer = await CreateDatabaseAsync(directory, $"bench_{run}_consumer");
        return (settings, producer, consumer, async () =>
        {
            if (Transport == "redis")
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis!);
                foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"apiplatform-bench:{run}:*"))
                {
                    await redis.GetDatabase().KeyDeleteAsync(key);
                }
            }
            if (Database == "postgres")
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync($"DROP DATABASE bench_{run}_producer WITH (FORCE)");
                await ExecuteAsync($"DROP DATABASE bench_{run}_consumer WITH (FORCE)");
            }
        });
    }

    /// <summary>As a service's <c>AddServiceDatabase</c> configures it (on PostgreSQL with the platform's connection defaults).</summary>
    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        _ = Database == "postgres" ? options.UseNpgsql(PostgresConnectionDefaults.Apply(connectionString)) : options.UseSqlite(connectionString);

    private async Task<string> CreateDatabaseAsync(string directory, string name)
    {
        if (Database != "postgres")
        {
            return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, name + ".db") }.ToString();
        }
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ToString();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
