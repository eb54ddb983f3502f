using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Messaging.Tests.Admin;

/// <summary>A real service built as the platform's are (AddServiceDefaults, AddMessaging, MapMessagingAdmin) on loopback.</summary>
internal sealed class AdminHost : IAsyncDisposable
{
    private readonly TempDirectory directory = new();
    private TestIssuer? issuer;
    private WebApplication? app;

    public TestDatabase Database { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<AdminHost> StartAsync()
    {
        var host = new AdminHost { issuer = await TestIssuer.StartAsync() };
        host.Database = TestDatabase.Sqlite(host.directory.File("service.db"));
        await host.Database.CreateSchemaAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(ProofHost.QuickTimings).AddInMemoryCollection(TestTransport.Embedded(host.directory).Settings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Service:Name"] = "proof",
                ["Service:Tier"] = "system",
                ["Auth:Authority"] = host.issuer.Issuer,
            });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.AddDbContext<ProofDbContext>(host.Database.Configure);
        builder.Services.AddSingleton<ProofSwitches>();
        builder.AddMessaging<ProofDbContext>(m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));
        host.app = builder.Build();
        host.app.MapDefaultEndpoints();
        host.app.MapMessagingAdmin();
        await host.app.StartAsync();
        host.Client = new HttpClient { BaseAddress = new Uri(host.app.Urls.First()) };
        return host;
    }

    public string Token(string audience, string scope) => issuer!.CreateToken(audience, scope);

    public string AdminToken => Token("platform", "platform:admin");

    public async Task<long> AddDeadLetterAsync(int number, string type, TimeSpan age, string group = RecordEffect.Group)
    {
        await using var database = Database.CreateContext();
        var at = DateTimeOffset.UtcNow.Add(-age).ToUnixTimeMilliseconds();
        var letter = new DeadLetter
        {
            EventId = $"event-{number}", Group = group, Type = type, Subject = $"order-{number}",
            Envelope = Envelopes.For(new OrderPlaced($"order-{number}", number, 1), $"event-{number}", type),
            Error = "System.InvalidOperationException: boom", Attempts = 5, FirstFailureAt = at - 1000, LastFailureAt = at, DeadLetteredAt = at,
        };
        database.Add(letter);
        await database.SaveChangesAsync();
        return letter.Id;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        if (issuer is not null)
        {
            await issuer.DisposeAsync();
        }
        directory.Dispose();
    }
}
