using System.Text.Json;
using ApiPlatform.Contracts.Events;
using ApiPlatform.ExperienceApis.Analytics;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Transports.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.ExperienceApis.Analytics.Tests;

/// <summary>
/// The analytics service running for real (SQLite database, embedded transport, its consumer group working), fed by
/// events a test appends to the transport as a producer's relay would.
/// </summary>
internal sealed class AnalyticsHost : IAsyncDisposable
{
    private readonly string directory;
    private readonly EmbeddedTransport producer;

    private AnalyticsHost(WebApplication app, string directory, string transport)
    {
        App = app;
        this.directory = directory;
        producer = new EmbeddedTransport(transport, TimeProvider.System);
    }

    public WebApplication App { get; }

    public static async Task<AnalyticsHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("apiplatform-analytics-").FullName;
        var transport = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "transport.db") }.ToString();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "analytics",
            ["Database:DataDirectory"] = directory,
            ["Messaging:EmbeddedConnectionString"] = transport,
            ["Messaging:Consumer:PollInterval"] = "00:00:00.020",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddAnalytics();
        var app = builder.Build();
        await app.StartAsync();
        return new AnalyticsHost(app, directory, transport);
    }

    /// <summary>Appends one CloudEvent of <paramref name="data"/> to its topic, as the producer's relay would.</summary>
    public async Task<CloudEvent> PublishAsync<TEvent>(TEvent data, string? id = null, string? correlationId = null) where TEvent : IIntegrationEvent
    {
        var cloudEvent = new CloudEvent(id ?? Guid.CreateVersion7().ToString(), "/test", TEvent.EventType, DateTimeOffset.UtcNow, data.Subject,
            JsonSerializer.SerializeToElement(data, JsonSerializerOptions.Web)) { Tenant = data.Tenant, CorrelationId = correlationId };
        await RepublishAsync(cloudEvent);
        return cloudEvent;
    }

    public Task RepublishAsync(CloudEvent cloudEvent) =>
        producer.PublishAsync(CloudEvent.TopicOf(cloudEvent.Type), [CloudEventSerializer.Serialize(cloudEvent)], default);

    public async Task<T> QueryAsync<T>(Func<AnalyticsDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>());
    }

    /// <summary>Waits until <paramref name="done"/> holds on the read model (the consumer group works in the background).</summary>
    public async Task<T> EventuallyAsync<T>(Func<AnalyticsDbContext, Task<T>> query, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var result = await QueryAsync(query);
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }
            await Task.Delay(50);
        }
    }

    public Task<int> CountAsync(string transactionId) =>
        QueryAsync(db => db.TimelineEntries.CountAsync(e => e.TransactionId == transactionId));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
