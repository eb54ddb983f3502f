using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Transports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>A service host as a real one would be built (one <c>AddMessaging</c> call), with quick test timings.</summary>
public static class ProofHost
{
    public static readonly IReadOnlyDictionary<string, string?> QuickTimings = new Dictionary<string, string?>
    {
        ["Messaging:Source"] = "/proof",
        ["Messaging:MonitorInterval"] = "00:00:00.500",
        ["Messaging:Outbox:PollInterval"] = "00:00:00.050",
        ["Messaging:Outbox:LeaseDuration"] = "00:00:05",
        ["Messaging:Outbox:RetryDelay"] = "00:00:00.100",
        ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
        ["Messaging:Consumer:PollInterval"] = "00:00:00.020",
        ["Messaging:Consumer:RetryBaseDelay"] = "00:00:00.020",
        ["Messaging:Consumer:RetryMaxDelay"] = "00:00:00.200",
        ["Messaging:Consumer:ReclaimAfter"] = "00:00:05",
        ["Messaging:Consumer:ReplayPollInterval"] = "00:00:00.100",
    };

    public static IHost Build(
        IEnumerable<IReadOnlyDictionary<string, string?>> settings,
        Action<MessagingBuilder> messaging,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(QuickTimings);
        foreach (var layer in settings)
        {
            builder.Configuration.AddInMemoryCollection(layer);
        }
        var configuration = builder.Configuration;
        builder.Services.AddDbContext<ProofDbContext>(options =>
            TestDatabase.Configure(options, configuration["Proof:Provider"]!, configuration["Proof:ConnectionString"]!));
        builder.Services.AddSingleton<ProofSwitches>();
        builder.AddMessaging<ProofDbContext>(messaging);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Wraps the registered transport, as a fault injector or a counter.</summary>
    public static void DecorateTransport(this IServiceCollection services, Func<IMessageTransport, IServiceProvider, IMessageTransport> decorate)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IMessageTransport));
        services.Remove(inner);
        services.AddSingleton(provider => decorate((IMessageTransport)inner.ImplementationFactory!(provider), provider));
    }
}
