using ApiPlatform.Contracts.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.SystemApis.Connectors.Telemetry;

public static class MappingFailureRegistration
{
    /// <summary>
    /// Publishes each mapping failure a request ends with as <typeparamref name="TEvent"/> through the outbox of
    /// <typeparamref name="TContext"/> (declare it with <c>Publishes&lt;TEvent&gt;()</c>). The observer is placed ahead
    /// of every other <see cref="IExceptionHandler"/>: handlers run in registration order and the platform's answers
    /// the problem, so it must come first whatever order the service registered things in.
    /// </summary>
    public static IServiceCollection AddMappingFailureEvents<TContext, TEvent>(
        this IServiceCollection services, Func<MappingFailure, string?, string?, DateTimeOffset, TEvent> create)
        where TContext : DbContext
        where TEvent : IIntegrationEvent
    {
        services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler>(provider =>
        {
            var outbox = new MappingFailureOutbox<TContext, TEvent>(
                provider.GetRequiredService<IServiceScopeFactory>(), provider.GetService<TimeProvider>() ?? TimeProvider.System, create);
            return new MappingFailureExceptionHandler(outbox.PublishAsync, provider.GetRequiredService<ILogger<MappingFailureExceptionHandler>>());
        }));
        return services;
    }
}
