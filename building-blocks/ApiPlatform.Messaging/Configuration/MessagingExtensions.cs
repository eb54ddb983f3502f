using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Health;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ApiPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Adds integration events to a service: an outbox in <typeparamref name="TContext"/> (whose model calls
    /// <see cref="ModelBuilderExtensions.AddMessagingTables"/>) with its relay, the transport chosen by
    /// <c>Messaging:Transport</c>, the consumer groups' workers with inbox, retries and dead letters, the
    /// <c>ApiPlatform.Messaging</c> meter and a readiness check of the relay.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, Action<MessagingBuilder> configure)
        where TContext : DbContext
    {
        var registry = new MessagingRegistry();
        configure(new MessagingBuilder(builder.Services, registry));
        var services = builder.Services;
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMessagingOptions();
        services.AddMessagingTransport(builder.Configuration);

        services.AddHttpContextAccessor();
        services.AddScoped<IEventPublisher, OutboxPublisher<TContext>>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSaveInterceptor>();
        services.AddSingleton<SqliteBusyTimeoutInterceptor>();
        services.ConfigureDbContext<TContext>((provider, options) => options.AddInterceptors(
            provider.GetRequiredService<OutboxSaveInterceptor>(), provider.GetRequiredService<SqliteBusyTimeoutInterceptor>()));
        services.AddSingleton<OutboxStore<TContext>>();
        services.AddSingleton<RelayState>();
        services.AddSingleton<OutboxBatchPublisher<TContext>>();
        services.AddSingleton<OutboxRelay<TContext>>();
        if (registry.HasPublishers)
        {
            services.AddHostedService(provider => provider.GetRequiredService<OutboxRelay<TContext>>());
            services.AddHealthChecks().AddCheck<OutboxRelayHealthCheck<TContext>>("messaging-outbox-relay", tags: [HealthExtensions.ReadyTag]);
        }

        services.AddSingleton<MessageProcessor<TContext>>();
        services.AddSingleton<BatchProcessor<TContext>>();
        services.AddSingleton<DeadLetterWriter<TContext>>();
        services.AddSingleton<ConsumerHost<TContext>>();
        if (registry.Handlers.Count > 0)
        {
            services.AddHostedService(provider => provider.GetRequiredService<ConsumerHost<TContext>>());
        }

        services.AddMetrics();
        services.AddSingleton<MessagingSnapshot>();
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<MessagingQueries<TContext>>();
        services.AddSingleton<InboxPruner<TContext>>();
        services.AddHostedService<MessagingMonitor<TContext>>();
        services.AddScoped<IMessagingOperations, MessagingOperations<TContext>>();
        services.TryAddSingleton<IValidator<DiscardDeadLetterRequest>, DiscardDeadLetterRequestValidator>();
        // The operations API is called with platform:admin tokens, whose audience is the platform's, not this service's.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            jwt.TokenValidationParameters.ValidAudiences = [.. jwt.TokenValidationParameters.ValidAudiences ?? [], PlatformPolicies.AdminAudience]);
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(MessagingTelemetry.Name));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(MessagingTelemetry.Name));
        return builder;
    }
}
