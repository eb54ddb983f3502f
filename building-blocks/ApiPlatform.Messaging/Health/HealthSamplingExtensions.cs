using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Health;

public static class HealthSamplingExtensions
{
    /// <summary>The section of the sample interval of a service whose sample is its messaging only.</summary>
    public const string MessagingSection = "MessagingHealth";

    /// <summary>
    /// Publishes, through the outbox of <typeparamref name="TContext"/> (declare the event with <c>Publishes</c>), a health
    /// sample of <paramref name="service"/> every <c>{section}:SampleInterval</c> (1 minute by default, between 1 second
    /// and 1 hour): <paramref name="sample"/> (built once from the container) turns each window's messaging figures into
    /// the event, adding what the service measured itself.
    /// </summary>
    public static IServiceCollection AddHealthSampling<TContext, TEvent>(
        this IServiceCollection services, string service, string section, Func<IServiceProvider, Func<MessagingHealthWindow, HealthSample<TEvent>>> sample)
        where TContext : DbContext
        where TEvent : IIntegrationEvent
    {
        services.AddOptions<HealthSampleOptions>(section).BindConfiguration(section)
            .Validate(o => o.SampleInterval >= TimeSpan.FromSeconds(1) && o.SampleInterval <= TimeSpan.FromHours(1),
                $"Configuration '{section}:SampleInterval' must be between 1 second and 1 hour.")
            .ValidateOnStart();
        services.AddHostedService(provider => new HealthSampler<TContext, TEvent>(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<IOptionsMonitor<HealthSampleOptions>>().Get(section).SampleInterval,
            provider.GetService<TimeProvider>() ?? TimeProvider.System, sample(provider),
            provider.GetRequiredService<ILogger<HealthSampler<TContext, TEvent>>>(), service));
        return services;
    }

    /// <summary>
    /// Publishes the service's messaging (outbox backlog and lag, open dead letters) every <c>MessagingHealth:SampleInterval</c>
    /// as <typeparamref name="TEvent"/>, made by <paramref name="create"/> from the window.
    /// </summary>
    public static IServiceCollection AddMessagingHealthSampling<TContext, TEvent>(
        this IServiceCollection services, string service, Func<string, MessagingHealthWindow, TEvent> create)
        where TContext : DbContext
        where TEvent : IIntegrationEvent =>
        services.AddHealthSampling<TContext, TEvent>(service, MessagingSection, _ => window => new HealthSample<TEvent>(create(service, window), Active: false));
}
