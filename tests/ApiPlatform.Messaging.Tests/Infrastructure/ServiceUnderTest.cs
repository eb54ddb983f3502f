using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>
/// One service (SQLite database and embedded transport, or PostgreSQL and Redis Streams) built but not started, so a
/// test drives its relay and workers pass by pass on a <see cref="FakeTimeProvider"/> instead of sleeping.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly TempDirectory directory;

    private ServiceUnderTest(
        TempDirectory directory, TestDatabase database, TestTransport transport, Action<MessagingBuilder> messaging,
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        this.directory = directory;
        Database = database;
        Transport = transport;
        Host = ProofHost.Build([Database.Settings, Transport.Settings, settings ?? new Dictionary<string, string?>()], messaging,
            collection =>
            {
                collection.AddSingleton<TimeProvider>(Clock);
                services?.Invoke(collection);
            });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public TestDatabase Database { get; }

    public TestTransport Transport { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public ProofSwitches Switches => Services.GetRequiredService<ProofSwitches>();

    public IMessageTransport Bus => Services.GetRequiredService<IMessageTransport>();

    public OutboxRelay<ProofDbContext> Relay => Services.GetRequiredService<OutboxRelay<ProofDbContext>>();

    public static async Task<ServiceUnderTest> CreateAsync(
        Action<MessagingBuilder> messaging, IReadOnlyDictionary<string, string?>? settings = null, Engine engine = Engine.Embedded,
        Action<IServiceCollection>? services = null)
    {
        TestEnvironment.Require(engine);
        var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(engine, directory, "service");
        var service = new ServiceUnderTest(directory, database, TestTransport.Create(engine, directory), messaging, settings, services);
        await service.Database.CreateSchemaAsync();
        return service;
    }

    public ConsumerWorker<ProofDbContext> Worker() => Services.GetRequiredService<ConsumerHost<ProofDbContext>>().CreateWorkers().Single();

    public async Task<T> QueryAsync<T>(Func<ProofDbContext, Task<T>> query)
    {
        await using var database = Database.CreateContext();
        return await query(database);
    }

    public Task<List<Effect>> EffectsAsync() => QueryAsync(d => d.Effects.OrderBy(e => e.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Transport.DisposeAsync();
        await Database.DisposeAsync();
        directory.Dispose();
    }
}
