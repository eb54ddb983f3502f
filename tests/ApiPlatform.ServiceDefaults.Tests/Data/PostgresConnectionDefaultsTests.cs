using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ApiPlatform.ServiceDefaults.Tests.Data;

/// <summary>A service's PostgreSQL connections prepare the statements they repeat, unless the operator says otherwise.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    private const string PostgresVariable = "APIPLATFORM_TEST_POSTGRES";

    [Fact]
    public void Automatic_preparation_is_set_when_the_connection_string_leaves_it_unset()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=crm;Password='a;b'"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal("db", applied.Host);
        Assert.Equal("a;b", applied.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare = 5", 5)]
    [InlineData("Host=db; MAX AUTO PREPARE=200", 200)]
    public void The_operators_value_wins(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxAutoPrepare);

    [SkippableFact]
    public async Task A_service_database_on_postgres_prepares_a_statement_it_repeats()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrEmpty(server), $"{PostgresVariable} is not set: no PostgreSQL server to test against.");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:probe"] = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString,
        });
        builder.AddServiceDatabase<ProbeContext>("probe");
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ProbeContext>().Database;

        await database.OpenConnectionAsync();
        var connection = database.GetDbConnection();
        for (var i = 0; i < 10; i++)
        {
            await using var repeated = connection.CreateCommand();
            repeated.CommandText = "SELECT count(*) FROM pg_catalog.pg_class WHERE relkind = 'r'";
            await repeated.ExecuteScalarAsync();
        }
        await using var prepared = connection.CreateCommand();
        prepared.CommandText = "SELECT count(*) FROM pg_catalog.pg_prepared_statements WHERE statement LIKE '%relkind%'";

        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }

    private sealed class ProbeContext(DbContextOptions<ProbeContext> options) : DbContext(options);
}
