using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ApiPlatform.ServiceDefaults.Tests.Data;

/// <summary>
/// A service's PostgreSQL connections prepare the statements they repeat and are reused without a reset, unless the
/// operator says otherwise.
/// </summary>
public sealed class PostgresConnectionDefaultsTests
{
    private const string PostgresVariable = "APIPLATFORM_TEST_POSTGRES";

    [Fact]
    public void Automatic_preparation_and_reuse_without_reset_are_set_when_the_connection_string_leaves_them_unset()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=crm;Password='a;b'"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db", applied.Host);
        Assert.Equal("a;b", applied.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare = 5", 5)]
    [InlineData("Host=db; MAX AUTO PREPARE=200", 200)]
    public void The_operators_value_wins(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;No Reset On Close=false", false)]
    [InlineData("Host=db;noresetonclose = False", false)]
    [InlineData("Host=db;NO RESET ON CLOSE=true", true)]
    public void The_operators_reset_setting_wins(string connectionString, bool expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).NoResetOnClose);

    /// <summary>Without the reset, the one piece of state that must never pass to the connection's next user still does not.</summary>
    [SkippableFact]
    public async Task A_pooled_connection_on_postgres_given_back_inside_a_transaction_is_handed_out_again_outside_it()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrEmpty(server), $"{PostgresVariable} is not set: no PostgreSQL server to test against.");
        var connectionString = PostgresConnectionDefaults.Apply(new NpgsqlConnectionStringBuilder(server)
        {
            Database = "postgres", MaxPoolSize = 1, ApplicationName = "defaults-" + Guid.NewGuid().ToString("N"),
        }.ConnectionString);
        int firstBackend;
        await using (var first = new NpgsqlConnection(connectionString))
        {
            await first.OpenAsync();
            await using var begin = new NpgsqlCommand("BEGIN; SELECT pg_backend_pid(), txid_current();", first);
            await using var reader = await begin.ExecuteReaderAsync();
            await reader.ReadAsync();
            firstBackend = reader.GetInt32(0);
        }

        await using var next = new NpgsqlConnection(connectionString);
        await next.OpenAsync();
        await using var probe = new NpgsqlCommand("SELECT pg_backend_pid(), txid_current_if_assigned() IS NULL", next);
        await using var state = await probe.ExecuteReaderAsync();
        await state.ReadAsync();

        Assert.Equal(firstBackend, state.GetInt32(0));
        Assert.True(state.GetBoolean(1), "The connection came back inside the previous user's transaction.");
    }

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
