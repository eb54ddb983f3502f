using System.Diagnostics;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Slo;

namespace ApiPlatform.Gateway.Edge.Recorders;

/// <summary>The SLO measurement of an admitted API request: its status and duration against its API version.</summary>
internal sealed class SloMeasurement(SloRecorder slo) : IEdgeRecorder
{
    public void Record(GatewayRequest request, int status)
    {
        if (request.Admitted && request.Major is { } major && request.Route.Api is { } api)
        {
            slo.Record(api, major, status, Stopwatch.GetElapsedTime(request.StartedTimestamp).TotalMilliseconds);
        }
    }
}
