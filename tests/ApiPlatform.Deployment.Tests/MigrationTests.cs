using ApiPlatform.AppHost;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.Migrations.Design;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ApiPlatform.Deployment.Tests;

/// <summary>
/// Every service's schema comes from migrations, for SQLite and PostgreSQL: none is missing for the model, and a database
/// of the release before migrations (created by EnsureCreated, with data) is upgraded in place with its data.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "apiplatform-migrations-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string> ServicesAndProviders
    {
        get
        {
            var all = new TheoryData<string, string>();
            foreach (var service in Repository.Deployables)
            {
                all.Add(service.Name, "sqlite");
                all.Add(service.Name, "postgres");
            }
            return all;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ServicesAndProviders))]
    public async Task The_model_has_no_change_without_a_migration(string service, string provider)
    {
        await using var app = Build(service, provider, provider == "postgres" ? "Host=127.0.0.1;Database=unused" : null);
        using var scope = app.Services.CreateScope();
        var context = Context(scope, service);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            $"{context.GetType().Name} ({provider}) changed without a migration: run tools/migrations.sh <Name> {service}");
    }

    [SkippableTheory]
    [MemberData(nameof(ServicesAndProviders))]
    public async Task A_database_from_before_migrations_is_upgraded_with_its_data(string service, string provider)
    {
        var connectionString = provider == "postgres" ? await NewPostgresDatabaseAsync(service) : null;
        Dictionary<string, long> before;
        string[] migrations;
        // A process of its own, as the release before was: EF caches what it learned of the history table per process.
        await using (var previous = Build(service, provider, connectionString))
        using (var scope = previous.Services.CreateScope())
        {
            // The previous release: the first migration's schema without a history table, as EnsureCreated left it, with data.
            var context = Context(scope, service);
            migrations = [.. context.Database.GetMigrations()];
            await context.GetService<IMigrator>().MigrateAsync(migrations[0]);
            await context.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"");
            await SeedEverythingAsync(scope.ServiceProvider, context);
            before = await RowCountsAsync(context);
        }

        await using var app = Build(service, provider, connectionString);
        await StartDatabaseAsync(app);

        using (var scope = app.Services.CreateScope())
        {
            var context = Context(scope, service);
            Assert.Equal(migrations, await context.Database.GetAppliedMigrationsAsync());
            var after = await RowCountsAsync(context);
            Assert.Equal(before, before.Keys.ToDictionary(table => table, table => after[table]));
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        }
    }

    [SkippableTheory]
    [InlineData("crm", "sqlite")]
    [InlineData("crm", "postgres")]
    public async Task A_new_database_gets_every_migration_and_its_seed(string service, string provider)
    {
        var connectionString = provider == "postgres" ? await NewPostgresDatabaseAsync(service) : null;
        await using var app = Build(service, provider, connectionString);

        await StartDatabaseAsync(app);

        using var scope = app.Services.CreateScope();
        var context = Context(scope, service);
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Contains(await RowCountsAsync(context), table => table.Value > 0);
    }

    [SkippableTheory]
    [InlineData("crm", "sqlite")]
    [InlineData("identity", "sqlite")]
    [InlineData("finance", "postgres")]
    [InlineData("quote-to-cash", "postgres")]
    public async Task Migrate_only_brings_a_database_to_this_version_and_returns_and_then_a_replica_starts_without_migrating(string service, string provider)
    {
        var connectionString = provider == "postgres" ? await NewPostgresDatabaseAsync(service) : null;

        // A replica that may not migrate refuses to start on a database behind the code...
        await using (var early = Build(service, provider, connectionString))
        {
            early.Configuration["Database:ApplyMigrations"] = "false";
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartDatabaseAsync(early));
            Assert.Contains("Database:ApplyMigrations is false", refused.Message, StringComparison.Ordinal);
        }

        // ...the migrations Job's run (the same settings, plus MigrateOnly) migrates, seeds and returns: it never serves.
        var job = Build(service, provider, connectionString);
        job.Configuration["Database:ApplyMigrations"] = "false";
        job.Configuration["Database:MigrateOnly"] = "true";
        await job.RunServiceAsync().WaitAsync(TimeSpan.FromMinutes(2));

        await using var replica = Build(service, provider, connectionString);
        replica.Configuration["Database:ApplyMigrations"] = "false";
        await StartDatabaseAsync(replica);
        using var scope = replica.Services.CreateScope();
        var context = Context(scope, service);
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        if (service is "crm" or "finance")
        {
            // The seed of the database it created (the system APIs seed reference and demo data; the others have none).
            Assert.Contains(await RowCountsAsync(context), table => table.Value > 0);
        }
    }

    public static TheoryData<string> ServicesWithADatabase =>
        [.. Repository.Deployables.Select(s => s.Name)];

    [SkippableTheory]
    [MemberData(nameof(ServicesWithADatabase))]
    public async Task Each_migrations_job_carries_every_setting_its_service_needs_to_migrate(string service)
    {
        Kustomize.SkipWithoutKubectl();
        // Exactly what the prod Job's container gets (its ConfigMaps and variables; a Secret's value is any text), with
        // the database on SQLite here instead of the cluster's PostgreSQL: the service must build and migrate with it.
        var objects = Kustomize.Overlay("prod");
        var job = objects.Named<k8s.Models.V1Job>(service + "-migrate");
        var configuration = objects.Configuration(Assert.Single(job.Spec.Template.Spec.Containers))
            .ToDictionary(s => s.Key, s => s.Value is { } value && value.StartsWith("secret ", StringComparison.Ordinal) ? "from-a-secret" : s.Value);
        configuration.Remove($"ConnectionStrings:{service}");
        configuration["Database:Provider"] = "sqlite";
        configuration["Database:DataDirectory"] = data;
        var definition = Repository.Deployable(service);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = definition.Assembly.GetName().Name,
            EnvironmentName = configuration["ASPNETCORE_ENVIRONMENT"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        definition.Add(builder);

        await builder.Build().RunServiceAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(File.Exists(Path.Combine(data, service + ".db")), $"{service}: the Job's run made no database");
    }

    private WebApplication Build(string service, string provider, string? connectionString) =>
        ServiceModelHost.Build(Repository.Deployable(service), provider, connectionString, data);

    /// <summary>Runs what the service runs first at start: its database initializer (migrations, then the seed of a new database).</summary>
    private static async Task StartDatabaseAsync(WebApplication app)
    {
        var initializer = app.Services.GetServices<IHostedService>().OfType<IHostedLifecycleService>()
            .Single(s => s.GetType().Name.StartsWith("DatabaseInitializer", StringComparison.Ordinal));
        await initializer.StartingAsync(CancellationToken.None);
    }

    private static DbContext Context(IServiceScope scope, string service)
    {
        var type = Repository.Deployable(service).Assembly.GetTypes().Single(t => t.IsSubclassOf(typeof(DbContext)) && !t.IsAbstract);
        return (DbContext)scope.ServiceProvider.GetRequiredService(type);
    }

    private static async Task SeedEverythingAsync(IServiceProvider services, DbContext context)
    {
        var seederType = typeof(IDatabaseSeeder<>).MakeGenericType(context.GetType());
        foreach (var seeder in services.GetServices(seederType))
        {
            await (Task)seederType.GetMethod(nameof(IDatabaseSeeder<DbContext>.SeedAsync))!.Invoke(seeder, [context, CancellationToken.None])!;
        }
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(DbContext context)
    {
        var counts = new Dictionary<string, long>();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                try
                {
                    counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (System.Data.Common.DbException)
                {
                    // A table a later migration adds is not in an older schema: only the tables there are compared.
                }
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
        return counts;
    }

    private static async Task<string> NewPostgresDatabaseAsync(string service)
    {
        var server = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_POSTGRES");
        Skip.If(server is null, "APIPLATFORM_TEST_POSTGRES is not set");
        var name = $"migrations_{service.Replace('-', '_')}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
