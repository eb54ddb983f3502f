using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>A producing service's database, a consuming service's database and the transport between them, on one engine.</summary>
internal sealed class ProofEnvironment : IAsyncDisposable
{
    private ProofEnvironment(Engine engine, TempDirectory directory, TestDatabase producer, TestDatabase consumer, TestTransport transport)
    {
        Engine = engine;
        Directory = directory;
        Producer = producer;
        Consumer = consumer;
        Transport = transport;
    }

    public Engine Engine { get; }

    public TempDirectory Directory { get; }

    public TestDatabase Producer { get; }

    public TestDatabase Consumer { get; }

    public TestTransport Transport { get; }

    public string Name => Engine == Engine.Embedded ? "SQLite + embedded transport" : "PostgreSQL + Redis Streams";

    public static async Task<ProofEnvironment> CreateAsync(Engine engine)
    {
        TestEnvironment.Require(engine);
        var directory = new TempDirectory();
        var producer = await TestDatabase.CreateAsync(engine, directory, "producer");
        var consumer = await TestDatabase.CreateAsync(engine, directory, "consumer");
        await producer.CreateSchemaAsync();
        await consumer.CreateSchemaAsync();
        return new ProofEnvironment(engine, directory, producer, consumer, TestTransport.Create(engine, directory));
    }

    public async Task<(int Total, int Distinct)> EffectsAsync()
    {
        await using var database = Consumer.CreateContext();
        var total = await database.Effects.CountAsync();
        var distinct = await database.Effects.Select(e => e.EventId).Distinct().CountAsync();
        return (total, distinct);
    }

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync();
        await Producer.DisposeAsync();
        await Consumer.DisposeAsync();
        Directory.Dispose();
    }
}
