using ApiPlatform.Contracts.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.VendorConnectors.Telemetry;

public static class ConnectorTelemetryRegistration
{
    /// <summary>
    /// Publishes, through the outbox of <typeparamref name="TContext"/> (declare both events with <c>Publishes</c>), each
    /// mapping failure a request ends with as <typeparamref name="TMappingFailed"/> and a health sample of the
    /// connectors of <paramref name="system"/> every <c>ConnectorHealth:SampleInterval</c> as
    /// <typeparamref name="THealthSampled"/>. The mapping-failure observer is placed ahead of every other
    /// <see cref="IExceptionHandler"/>: handlers run in registration order and the platform's answers the problem, so it
    /// must come first whatever order the service registered things in.
    /// </summary>
    public static IServiceCollection AddConnectorTelemetry<TContext, TMappingFailed, THealthSampled>(
        this IServiceCollection services, string system,
        Func<MappingFailure, string?, string?, DateTimeOffset, TMappingFailed> mappingFailed,
        Func<ConnectorHealthSampled, THealthSampled> healthSampled)
        where TContext : DbContext
        where TMappingFailed : IIntegrationEvent
        where THealthSampled : ConnectorHealthSampled, IIntegrationEvent
    {
        services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler>(provider =>
        {
            var outbox = new MappingFailureOutbox<TContext, TMappingFailed>(
                provider.GetRequiredService<IServiceScopeFactory>(), provider.GetService<TimeProvider>() ?? TimeProvider.System, mappingFailed);
            return new MappingFailureExceptionHandler(outbox.PublishAsync, provider.GetRequiredService<ILogger<MappingFailureExceptionHandler>>());
        }));

        services.AddOptions<ConnectorHealthOptions>().BindConfiguration(ConnectorHealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => new ConnectorCallStats(system));
        services.AddHostedService(provider => new ConnectorHealthSampler<TContext, THealthSampled>(
            provider.GetRequiredService<ConnectorCallStats>(), provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IOptions<ConnectorHealthOptions>>(), provider.GetService<TimeProvider>() ?? TimeProvider.System,
            healthSampled, provider.GetRequiredService<ILogger<ConnectorHealthSampler<TContext, THealthSampled>>>(), system));
        return services;
    }
}
