using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.Workflows.Admin;
using ApiPlatform.Workflows.Client;
using ApiPlatform.Workflows.Configuration;
using ApiPlatform.Workflows.Monitoring;
using ApiPlatform.Workflows.Runtime;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ApiPlatform.Workflows;

public static class WorkflowExtensions
{
    /// <summary>
    /// Adds the durable workflow runtime to a service: instances and their journal in <typeparamref name="TContext"/>
    /// (whose model calls <see cref="WorkflowModelBuilderExtensions.AddWorkflowTables"/>), the background runner, the
    /// <see cref="IWorkflowClient"/>, the <c>ApiPlatform.Workflows</c> meter and source. Settings: section <c>Workflows</c>.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflows<TContext>(this IHostApplicationBuilder builder, Action<WorkflowBuilder<TContext>> configure)
        where TContext : DbContext
    {
        var services = builder.Services;
        var registry = new WorkflowRegistry();
        configure(new WorkflowBuilder<TContext>(services, registry));
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkflowWakeup>();
        services.AddScoped<IWorkflowClient, WorkflowClient<TContext>>();
        services.AddMetrics();
        services.AddSingleton<WorkflowTelemetry>();
        services.AddHostedService<WorkflowMonitor>();
        if (builder.Configuration.GetValue($"{WorkflowOptions.Section}:{nameof(WorkflowOptions.RunnerEnabled)}", true))
        {
            services.AddHostedService<WorkflowRunner<TContext>>();
        }
        services.TryAddSingleton<IValidator<CancelWorkflowRequest>, CancelWorkflowRequestValidator>();
        // The operations API is called with platform:admin tokens, whose audience is the platform's, not this service's.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var audiences = jwt.TokenValidationParameters.ValidAudiences ?? [];
            if (!audiences.Contains(PlatformPolicies.AdminAudience))
            {
                jwt.TokenValidationParameters.ValidAudiences = [.. audiences, PlatformPolicies.AdminAudience];
            }
        });
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(WorkflowTelemetry.Name));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(WorkflowTelemetry.Name));
        return builder;
    }
}
