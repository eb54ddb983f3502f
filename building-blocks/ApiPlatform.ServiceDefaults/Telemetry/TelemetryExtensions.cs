using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ApiPlatform.ServiceDefaults.Telemetry;

internal static class TelemetryExtensions
{
    public const string ActivitySourceName = "ApiPlatform";

    /// <summary>
    /// OpenTelemetry traces, metrics and logs, exported over OTLP where a collector is configured
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the standard <c>OTEL_*</c> variables choose its protocol and the trace sampler,
    /// e.g. <c>OTEL_TRACES_SAMPLER=parentbased_traceidratio</c>). Without a collector nothing is instrumented: activities
    /// and measurements nobody exports only cost every request CPU. The W3C trace context still flows to upstream calls
    /// and the correlation id is still derived from it.
    /// </summary>
    public static void AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        // Outside Development, console logs are one JSON object per line, for a cluster's log collector.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.FormatterName = ConsoleFormatterNames.Json);
        }
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            AddOpenTelemetry(builder);
        }
    }

    // Kept apart so the OpenTelemetry assemblies are loaded (and their code compiled) only where a collector is configured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration[$"{ServiceOptions.Section}:Name"] ?? builder.Environment.ApplicationName;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ActivitySourceName, "Yarp.ReverseProxy"))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }
}
