using ApiPlatform.Contracts.Events;
using ApiPlatform.Messaging.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.VendorConnectors.Telemetry;

public static class ConnectorTelemetryRegistration
{
    /// <summary>
    /// Publishes, through the outbox of <typeparamref name="TContext"/> (declare both events with <c>Publishes</c>), each
    /// mapping failure a request ends with as <typeparamref name="TMappingFailed"/> and a health sample of the
    /// connectors of <paramref name="system"/> every <c>ConnectorHealth:SampleInterval</c> (with the
    /// service's outbox backlog and open dead letters, by the messaging building block's health sampler) as
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

        services.AddSingleton(_ => new ConnectorCallStats(system));
        services.AddHealthSampling<TContext, THealthSampled>(system, "ConnectorHealth", provider =>
        {
            var stats = provider.GetRequiredService<ConnectorCallStats>();
            return window =>
            {
                var calls = stats.Drain();
                return new(healthSampled(new Sample(system, window.Replica, window.From, window.To, calls, window.OutboxBacklog,
                    window.OutboxOldestAgeSeconds, window.OpenDeadLetters)), Active: calls.Count > 0);
            };
        });
        return services;
    }

    private sealed record Sample(
        string System, string Replica, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ConnectorCallSample> Connectors,
        long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
        : ConnectorHealthSampled(System, Replica, From, To, Connectors, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters);
}
