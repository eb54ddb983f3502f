using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults.Data;

/// <summary>
/// Brings the service's database to its model before the service accepts requests: applies the migrations it has not
/// seen (<c>Database:ApplyMigrations</c>, default true; when false, a database behind the code stops the start) and seeds
/// a database it created. A database created before the service had migrations holds the first migration's schema and
/// is recorded as such, so its data stays. <see cref="ServiceRunner.RunService"/> runs only this step when
/// <c>Database:MigrateOnly</c> is set (a Kubernetes migrations Job), whatever <c>Database:ApplyMigrations</c> says.
/// </summary>
internal sealed class DatabaseInitializer<TContext>(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseInitializer<TContext>> logger)
    : IHostedLifecycleService, IDatabaseInitializer where TContext : DbContext
{
    public string Name => typeof(TContext).Name;

    public Task StartingAsync(CancellationToken cancellationToken) =>
        InitializeAsync(configuration.GetValue("Database:ApplyMigrations", true), cancellationToken);

    public async Task InitializeAsync(bool applyMigrations, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var database = context.Database;
        var creator = database.GetService<IRelationalDatabaseCreator>();
        var created = !await creator.ExistsAsync(cancellationToken) || !await creator.HasTablesAsync(cancellationToken);
        if (database.IsSqlite())
        {
            // Write-ahead logging: readers no longer block the writer (requests, the outbox relay and the consumers share
            // the file), and a commit costs one sync of the log instead of the rollback journal's several. Durability is
            // unchanged: synchronous stays FULL, so a commit is on disk before it returns. The mode belongs to the file,
            // so setting it here once holds for every later connection (docs/migrations.md).
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        var migrations = database.GetMigrations().ToList();
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TContext).Name} has no migrations for {database.ProviderName} (docs/migrations.md).");
        }

        // A database with tables and no applied migration was made by EnsureCreated, before migrations (its history table
        // may be missing or empty: PostgreSQL's migration lock creates it before the first migration runs).
        var history = database.GetService<IHistoryRepository>();
        if (!created && !(await database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(migrations[0], ProductInfo.GetVersion())), cancellationToken);
            logger.LogWarning("The {Context} database predates migrations: recorded it at {Migration}", typeof(TContext).Name, migrations[0]);
        }

        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            if (!applyMigrations)
            {
                throw new InvalidOperationException(
                    $"The {typeof(TContext).Name} database is {pending.Count} migration(s) behind this version ({string.Join(", ", pending)}) " +
                    "and Database:ApplyMigrations is false: apply them first, e.g. with Database:MigrateOnly (docs/migrations.md).");
            }
            await database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied {Count} migration(s) to the {Context} database: {Migrations}", pending.Count, typeof(TContext).Name, pending);
        }

        if (created)
        {
            await SeedAsync(scope.ServiceProvider, context, cancellationToken);
        }
    }

    private async Task SeedAsync(IServiceProvider provider, TContext context, CancellationToken cancellationToken)
    {
        var demoData = configuration.GetValue<bool?>("Database:SeedDemoData") ?? environment.IsDevelopment();
        foreach (var seeder in provider.GetServices<IDatabaseSeeder<TContext>>().Where(s => demoData || !s.IsDemoData))
        {
            await seeder.SeedAsync(context, cancellationToken);
        }
        logger.LogInformation("Created and seeded the {Context} database ({DemoData})", typeof(TContext).Name, demoData ? "with demo data" : "without demo data");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Brings one database of the service to its model: migrations, then the seed of a database it created.</summary>
internal interface IDatabaseInitializer
{
    string Name { get; }

    Task InitializeAsync(bool applyMigrations, CancellationToken cancellationToken);
}
