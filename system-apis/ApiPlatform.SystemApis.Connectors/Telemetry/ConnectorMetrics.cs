using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ApiPlatform.SystemApis.Connectors.Telemetry;

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
        description: "Calls from a connector to its system of record, by outcome (ok or the status answered: 502, 503, 504).");

    public static void MappingFailed(MappingFailure failure) => MappingFailures.Add(1, new TagList
    {
        { "system", failure.System },
        { "connector", failure.Connector },
        { "field", failure.Field },
    });

    public static void Called(string system, string connector, string outcome, double milliseconds) => CallDuration.Record(milliseconds, new TagList
    {
        { "system", system },
        { "connector", connector },
        { "outcome", outcome },
    });
}
