using System.Diagnostics;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Slo;

namespace ApiPlatform.Gateway.Edge.Recorders;

/// <summary>The SLO measurement of an admitted API request: its status and duration against its API version and its consumer.</summary>
internal sealed class SloMeasurement(SloRecorder slo, ConsumerSloRecorder consumers) : IEdgeRecorder
{
    public void Record(GatewayRequest request, int status)
    {
        if (request.Admitted && request.Major is { } major && request.Route.Api is { } api)
        {
            var milliseconds = Stopwatch.GetElapsedTime(request.StartedTimestamp).TotalMilliseconds;
            slo.Record(api, major, status, milliseconds);
            if (request.ClientId is { } client)
            {
                consumers.Record(api, major, client, status, milliseconds);
            }
        }
    }
}
