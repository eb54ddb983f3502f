using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// The connectors' OpenTelemetry instruments, on the platform's meter (<c>ApiPlatform</c>): every vendor call's duration
/// with its outcome, and every mapping failure with its system, connector and field.
/// </summary>
public static class ConnectorMetrics
{
    public const string MeterName = "ApiPlatform";
    public const string MappingFailuresName = "apiplatform.connector.mapping_failures";
    public const string CallDurationName = "apiplatform.connector.call.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> MappingFailures = Meter.CreateCounter<long>(MappingFailuresName,
        description: "Vendor answers that broke the canonical mapping of a connector.");

    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(CallDurationName, unit: "ms",
        description: "Calls from a connector to its system of record, by the status answered for a failure (502, 503, 504; none when ok) and its cause.");

    public static void MappingFailed(MappingFailure failure) => MappingFailures.Add(1, new TagList
    {
        { "system", failure.System },
        { "connector", failure.Connector },
        { "field", failure.Field },
    });

    public static void Called(string system, string connector, CallOutcome outcome, double milliseconds) => CallDuration.Record(milliseconds, new TagList
    {
        { "system", system },
        { "connector", connector },
        { "status", outcome.Status },
        { "cause", outcome.Cause },
    });
}
