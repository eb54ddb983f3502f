using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults.Data;

/// <summary>Creates the schema and seeds a new database before the service accepts requests.</summary>
internal sealed class DatabaseInitializer<TContext>(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseInitializer<TContext>> logger)
    : IHostedLifecycleService where TContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!await database.Database.EnsureCreatedAsync(cancellationToken))
        {
            return;
        }

        var demoData = configuration.GetValue<bool?>("Database:SeedDemoData") ?? environment.IsDevelopment();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TContext>>().Where(s => demoData || !s.IsDemoData))
        {
            await seeder.SeedAsync(database, cancellationToken);
        }
        logger.LogInformation("Created and seeded the {Context} database ({DemoData})", typeof(TContext).Name, demoData ? "with demo data" : "without demo data");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
