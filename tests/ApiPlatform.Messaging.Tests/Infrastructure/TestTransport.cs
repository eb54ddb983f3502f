using ApiPlatform.Messaging.Transports;
using ApiPlatform.Messaging.Transports.Embedded;
using ApiPlatform.Messaging.Transports.Redis;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>A transport of the test's own: a fresh embedded file, or a key prefix on the real Redis removed afterwards.</summary>
public sealed class TestTransport : IAsyncDisposable
{
    private readonly List<ConnectionMultiplexer> connections = [];

    private TestTransport(string kind, string connection, string prefix)
    {
        Kind = kind;
        Connection = connection;
        Prefix = prefix;
    }

    public string Kind { get; }

    public string Connection { get; }

    public string Prefix { get; }

    public Dictionary<string, string?> Settings => Kind == "redis"
        ? new() { ["Messaging:Transport"] = "redis", ["Messaging:RedisConnectionString"] = Connection, ["Messaging:RedisKeyPrefix"] = Prefix }
        : new() { ["Messaging:Transport"] = "embedded", ["Messaging:EmbeddedConnectionString"] = Connection };

    public static TestTransport Embedded(TempDirectory directory) =>
        new("embedded", new SqliteConnectionStringBuilder { DataSource = directory.File("transport.db") }.ToString(), "");

    public static TestTransport Redis(string connection) => new("redis", connection, $"apiplatform-test:{Guid.NewGuid():N}:");

    public static TestTransport Create(Engine engine, TempDirectory directory) =>
        engine == Engine.Embedded ? Embedded(directory) : Redis(TestEnvironment.RequireRedis());

    /// <summary>A separate transport client, as another process would have.</summary>
    public IMessageTransport CreateClient(TimeProvider? clock = null)
    {
        if (Kind != "redis")
        {
            return new EmbeddedTransport(Connection, clock ?? TimeProvider.System);
        }
        var redis = ConnectionMultiplexer.Connect(Connection);
        lock (connections)
        {
            connections.Add(redis);
        }
        return new RedisStreamsTransport(redis, Prefix, clock ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == "redis")
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(Connection + ",allowAdmin=true");
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            await foreach (var key in server.KeysAsync(pattern: Prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
