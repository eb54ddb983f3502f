using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Events;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

/// <summary>
/// A reconciliation database in a SQLite file of its own; each <see cref="Replica"/> is a service provider on it, with
/// the service's outbox (its relay is not started: the events stay in <c>messaging_outbox</c> for the test to read).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"reconciliation-{Guid.NewGuid():N}.db");

    public TestDatabase()
    {
        using var replica = Replica();
        using var scope = replica.CreateScope();
        scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>().Database.EnsureCreated();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    public ServiceProvider Replica()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "reconciliation",
            ["Messaging:EmbeddedConnectionString"] = $"Data Source={path}.transport;Pooling=False",
        });
        var services = builder.Services;
        services.AddSingleton<IConfiguration>(builder.Configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddDbContext<ReconciliationDbContext>(o => o.UseSqlite($"Data Source={path};Pooling=False"));
        builder.AddMessaging<ReconciliationDbContext>(m => m.PublishesReconciliationEvents());
        services.AddScoped<ExceptionStore>();
        services.AddScoped<RunQueue>();
        return services.BuildServiceProvider();
    }

    /// <summary>The types of the events in the outbox, in the order they were written.</summary>
    public async Task<List<(string Type, string Subject)>> OutboxAsync()
    {
        using var replica = Replica();
        using var scope = replica.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>().Set<OutboxMessage>().AsNoTracking()
            .OrderBy(m => m.Sequence).Select(m => new { m.Type, m.Subject }).ToListAsync()).Select(m => (m.Type, m.Subject)).ToList();
    }

    public void Dispose()
    {
        File.Delete(path);
        File.Delete(path + ".transport");
    }
}
