using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Debug;
using Microsoft.Extensions.Logging.EventSource;

namespace ApiPlatform.Gateway.Audit;

internal static class AuditExtensions
{
    /// <summary>
    /// The traffic audit's own output (<c>Gateway:Audit</c>): JSON lines written in batches off the request path. The
    /// records also go to the logging providers that enable the category (an OTLP exporter, a test's capture), except the
    /// console logger, which would write each one a second time, and the debug and EventSource loggers, diagnostics
    /// channels that would otherwise take every record on the request path (the EventSource logger is enabled for any
    /// category the configuration enables, listened to or not).
    /// </summary>
    public static void AddGatewayAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TrafficAuditLog>();
        builder.Logging.AddFilter<ConsoleLoggerProvider>(TrafficAuditLog.Category, LogLevel.None);
        builder.Logging.AddFilter<DebugLoggerProvider>(TrafficAuditLog.Category, LogLevel.None);
        builder.Logging.AddFilter<EventSourceLoggerProvider>(TrafficAuditLog.Category, LogLevel.None);
    }
}
