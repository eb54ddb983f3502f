using ApiPlatform.ServiceDefaults.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own database: SQLite under <c>Database:DataDirectory</c> by default, PostgreSQL when
    /// <c>Database:Provider</c> is <c>postgres</c>; the connection string is <c>ConnectionStrings:{name}</c>
    /// (on PostgreSQL with <see cref="PostgresConnectionDefaults"/> for what it leaves unset).
    /// The schema is created and seeded before the service starts, and readiness checks the database.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder, string name, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var provider = builder.Configuration["Database:Provider"] ?? "sqlite";
        var connectionString = builder.Configuration.GetConnectionString(name) ?? provider switch
        {
            "sqlite" => $"Data Source={Path.Combine(DataDirectory(builder.Configuration), name + ".db")}",
            _ => throw new InvalidOperationException($"Configuration 'ConnectionStrings:{name}' is required when Database:Provider is '{provider}'."),
        };

        builder.Services.AddDbContext<TContext>(options =>
        {
            _ = provider switch
            {
                "sqlite" => options.UseSqlite(connectionString),
                "postgres" => options.UseNpgsql(PostgresConnectionDefaults.Apply(connectionString)),
                _ => throw new InvalidOperationException($"Configuration 'Database:Provider' is '{provider}'; expected 'sqlite' or 'postgres'."),
            };
            options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
            configure?.Invoke(options);
        },
        // The options are built once, not for every scope: each request, relay step and consumed event creates a
        // context, and rebuilding its options (provider, interceptors, warnings configuration) each time cost more
        // than the context itself (docs/messaging.md, Throughput). Nothing configured here depends on a scope.
        optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{name}-database", tags: [HealthExtensions.ReadyTag]);
        builder.Services.AddSingleton<DatabaseInitializer<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer<TContext>>());
        builder.Services.AddSingleton<IDatabaseInitializer>(sp => sp.GetRequiredService<DatabaseInitializer<TContext>>());
        return builder;
    }

    /// <summary>
    /// Registers seed data that is written once, when the database is created, in the order registered; demo data
    /// (<see cref="IDatabaseSeeder{TContext}.IsDemoData"/>) only in Development or with <c>Database:SeedDemoData</c>.
    /// </summary>
    public static IServiceCollection AddDatabaseSeeder<TContext, TSeeder>(this IServiceCollection services)
        where TContext : DbContext
        where TSeeder : class, IDatabaseSeeder<TContext> =>
        services.AddTransient<IDatabaseSeeder<TContext>, TSeeder>();

    private static string DataDirectory(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration["Database:DataDirectory"] ?? ".data");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
