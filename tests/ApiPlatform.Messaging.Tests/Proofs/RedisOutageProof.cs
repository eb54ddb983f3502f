using System.Diagnostics;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>
/// Redis is stopped for 30 s while a service keeps taking writes over HTTP: every answer stays 2xx, readiness
/// reports the stuck relay, and once Redis is back the backlog drains with nothing lost. Runs beside the other
/// proofs: it mostly waits.
/// </summary>
public sealed class RedisOutageProof(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Writes_keep_succeeding_while_Redis_is_down_and_the_backlog_drains_when_it_returns()
    {
        TestEnvironment.RequireRedis();
        using var directory = new TempDirectory();
        await using var database = TestEnvironment.Postgres is { } postgres
            ? await TestDatabase.CreatePostgresAsync(postgres)
            : TestDatabase.Sqlite(directory.File("service.db"));
        await database.CreateSchemaAsync();
        using var redis = new PrivateRedis(directory.Path);
        await redis.StartAsync();
        await using var app = await StartServiceAsync(database, redis.ConnectionString);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var statuses = new List<int>();
        var number = 0;
        async Task WriteForAsync(TimeSpan duration)
        {
            var until = Stopwatch.StartNew();
            while (until.Elapsed < duration)
            {
                var response = await client.PostAsync($"/orders/{++number}", null);
                statuses.Add((int)response.StatusCode);
                await Task.Delay(40);
            }
        }

        await WriteForAsync(TimeSpan.FromSeconds(3));
        redis.Stop();
        var outage = Stopwatch.StartNew();
        await WriteForAsync(TimeSpan.FromSeconds(15));
        var readinessDuringOutage = await ReadinessAsync(app);
        await WriteForAsync(TimeSpan.FromSeconds(30) - outage.Elapsed);
        var backlogAtReturn = await BacklogAsync(database);
        await redis.StartAsync();
        var drain = Stopwatch.StartNew();
        await WriteForAsync(TimeSpan.FromSeconds(2));
        var drained = await Waiting.UntilAsync(async () => await EffectsAsync(database) >= number, TimeSpan.FromSeconds(60), 200);
        var drainTime = drain.Elapsed;
        var readinessAfter = await ReadinessAsync(app);

        var effects = await EffectsAsync(database);
        ProofFigures.Report(output, "Redis stopped for 30 s", TestEnvironment.Postgres is null ? "SQLite + Redis Streams" : "PostgreSQL + Redis Streams",
            ("writes", statuses.Count), ("non-2xx answers", statuses.Count(s => s is < 200 or > 299)), ("outbox backlog when Redis returned", backlogAtReturn),
            ("readiness after 15 s of outage", readinessDuringOutage), ("readiness after the drain", readinessAfter),
            ("drained within", drainTime), ("lost", statuses.Count - effects));
        Assert.All(statuses, s => Assert.InRange(s, 200, 299));
        Assert.True(backlogAtReturn > 0);
        Assert.True(drained);
        Assert.Equal(statuses.Count, effects);
        Assert.Equal(HealthStatus.Unhealthy, readinessDuringOutage);
        Assert.Equal(HealthStatus.Healthy, readinessAfter);
    }

    private static async Task<WebApplication> StartServiceAsync(TestDatabase database, string redis)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(ProofHost.QuickTimings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "redis",
            ["Messaging:RedisConnectionString"] = $"{redis},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
            ["Messaging:Outbox:StuckAfter"] = "00:00:10",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDbContext<ProofDbContext>(database.Configure);
        builder.Services.AddSingleton<ProofSwitches>();
        builder.AddMessaging<ProofDbContext>(m => m.Publishes<OrderPlaced>().Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));
        var app = builder.Build();
        app.MapPost("/orders/{number:int}", async (int number, ProofDbContext orders, IEventPublisher events) =>
        {
            orders.Orders.Add(new Order { Number = number, Subject = $"order-{number}" });
            events.Publish(new OrderPlaced($"order-{number}", number, 1));
            await orders.SaveChangesAsync();
            return TypedResults.Created($"/orders/{number}");
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<HealthStatus> ReadinessAsync(WebApplication app) =>
        (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;

    private static async Task<int> BacklogAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Set<OutboxMessage>().CountAsync(o => o.Status == OutboxStatus.Pending);
    }

    private static async Task<int> EffectsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Effects.Select(e => e.EventId).Distinct().CountAsync();
    }
}
