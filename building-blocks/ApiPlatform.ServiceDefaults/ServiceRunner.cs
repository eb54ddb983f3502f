using ApiPlatform.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults;

public static class ServiceRunner
{
    /// <summary>
    /// Runs the service, or with <c>Database:MigrateOnly</c> only brings its databases to this version (migrations,
    /// then the seed of a database it created) and returns without listening or starting any background work: what a
    /// Kubernetes migrations Job runs before a rollout. A failure throws, so the process exits non-zero and the Job retries.
    /// </summary>
    public static void RunService(this WebApplication app) => app.RunServiceAsync().GetAwaiter().GetResult();

    /// <inheritdoc cref="RunService"/>
    public static async Task RunServiceAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnly", false))
        {
            await app.RunAsync();
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceRunner).FullName!);
        var databases = app.Services.GetServices<IDatabaseInitializer>().ToList();
        if (databases.Count == 0)
        {
            logger.LogWarning("Database:MigrateOnly is set, but this service has no database: nothing to do");
        }
        foreach (var database in databases)
        {
            await database.InitializeAsync(applyMigrations: true, cancellationToken);
            logger.LogInformation("The {Context} database is at this version (Database:MigrateOnly)", database.Name);
        }
        await app.DisposeAsync();
    }
}
