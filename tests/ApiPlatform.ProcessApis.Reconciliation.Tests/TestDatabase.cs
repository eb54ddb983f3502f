using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

/// <summary>A reconciliation database in a SQLite file of its own; each <see cref="Replica"/> is a service provider on it.</summary>
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
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddDbContext<ReconciliationDbContext>(o => o.UseSqlite($"Data Source={path};Pooling=False"));
        services.AddScoped<ExceptionStore>();
        services.AddScoped<RunQueue>();
        return services.BuildServiceProvider();
    }

    public void Dispose() => File.Delete(path);
}
