using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>A real service database: a SQLite file, or a PostgreSQL database made for the test and dropped after it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? serverConnectionString;

    public TestDatabase(string provider, string connectionString, string? serverConnectionString = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.serverConnectionString = serverConnectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public Dictionary<string, string?> Settings => new() { ["Proof:Provider"] = Provider, ["Proof:ConnectionString"] = ConnectionString };

    public static TestDatabase Sqlite(string file) => new("sqlite", new SqliteConnectionStringBuilder { DataSource = file }.ToString());

    public static async Task<TestDatabase> CreatePostgresAsync(string server)
    {
        var name = "apiplatform_msg_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new TestDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ToString(), server);
    }

    public static async Task<TestDatabase> CreateAsync(Engine engine, TempDirectory directory, string name) => engine == Engine.Embedded
        ? Sqlite(directory.File(name + ".db"))
        : await CreatePostgresAsync(TestEnvironment.RequirePostgres());

    public void Configure(DbContextOptionsBuilder options) => Configure(options, Provider, ConnectionString);

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        _ = provider == "sqlite" ? options.UseSqlite(connectionString) : options.UseNpgsql(connectionString);
    }

    public ProofDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<ProofDbContext>();
        Configure(options);
        return new ProofDbContext(options.Options);
    }

    public async Task CreateSchemaAsync()
    {
        await using var database = CreateContext();
        await database.Database.EnsureCreatedAsync();
        if (Provider == "sqlite")
        {
            // Lets the relay and the consumers read while a request writes, as a service's SQLite file should.
            await database.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
