using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApiPlatform.Workflows.Tests.Infrastructure;

/// <summary>A real service database: a SQLite file, or a PostgreSQL database made for the test and dropped after it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? serverConnectionString;

    private TestDatabase(string provider, string connectionString, string? serverConnectionString = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.serverConnectionString = serverConnectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string Name => Provider == Sqlite ? "SQLite" : "PostgreSQL";

    public Dictionary<string, string?> Settings => new() { ["Proof:Provider"] = Provider, ["Proof:ConnectionString"] = ConnectionString };

    /// <summary>Makes the database of <paramref name="provider"/> with its schema; skips the test when PostgreSQL is not configured.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, TempDirectory directory)
    {
        var database = provider == Sqlite
            ? new TestDatabase(Sqlite, new SqliteConnectionStringBuilder { DataSource = directory.File("service.db") }.ToString())
            : await CreatePostgresAsync(TestEnvironment.RequirePostgres());
        await database.CreateSchemaAsync();
        return database;
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string server)
    {
        var name = "apiplatform_wf_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new TestDatabase(Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ToString(), server);
    }

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        _ = provider == Sqlite ? options.UseSqlite(connectionString) : options.UseNpgsql(connectionString);
    }

    public TestDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options, Provider, ConnectionString);
        return new TestDbContext(options.Options);
    }

    private async Task CreateSchemaAsync()
    {
        await using var database = CreateContext();
        await database.Database.EnsureCreatedAsync();
        if (Provider == Sqlite)
        {
            // The runner, the API and the outbox relay read while another writes, as a service's SQLite file should allow.
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
