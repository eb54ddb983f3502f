using System.Diagnostics;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.Routing;
using ApiPlatform.ServiceDefaults.Telemetry;

namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// Runs the edge pipeline (<see cref="EdgePipelines"/>) of a proxied route that has one, right after routing and ahead of
/// the shared middleware, which such requests skip: correlation, the route's steps, then its proxy pipeline; forwarding
/// failures, error statuses without a body and exceptions answered as problem+json (<see cref="GatewayProblems"/>); then
/// the route's recorders. Every other request goes on to the shared pipeline.
/// </summary>
internal sealed class EdgePolicyMiddleware(RequestDelegate next, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint() is { RequestDelegate: { } endpoint } routed && routed.Metadata.GetMetadata<EdgeRoute>() is { } route
            ? EnforceAsync(context, endpoint, route)
            : next(context);

    private async Task EnforceAsync(HttpContext context, RequestDelegate endpoint, EdgeRoute route)
    {
        var request = GatewayRequest.Of(context) ?? Start(context);
        request.Begin(route, time.GetUtcNow(), Stopwatch.GetTimestamp(), MajorOf(context, route));
        Correlation.Begin(context);
        int? failedWith = null;
        try
        {
            if (await AdmitAsync(request, route.Pipeline.Steps))
            {
                request.Admitted = true;
                await (route.Pipeline.Forwarding is { } forwarding ? forwarding.ForwardAsync(request, endpoint) : endpoint(context));
                await ProxyErrors.AnswerFailureAsync(context, route);
            }
            if (GatewayProblems.LacksBody(context.Response))
            {
                await GatewayProblems.WriteForStatusAsync(context);
            }
        }
        catch (Exception ex)
        {
            if (!await GatewayProblems.TryWriteForExceptionAsync(context, ex))
            {
                failedWith = TrafficRecord.StatusOf(ex);
                throw;
            }
        }
        finally
        {
            var status = failedWith ?? context.Response.StatusCode;
            foreach (var recorder in route.Pipeline.Recorders)
            {
                recorder.Record(request, status);
            }
        }
    }

    /// <summary>The steps in order; completes synchronously (allocating nothing) when every step does.</summary>
    private static async ValueTask<bool> AdmitAsync(GatewayRequest request, IEdgeStep[] steps)
    {
        foreach (var step in steps)
        {
            if (!await step.AdmitAsync(request))
            {
                return false;
            }
        }
        return true;
    }

    private static int? MajorOf(HttpContext context, EdgeRoute route) =>
        route is ApiRoutePolicy api && VersionSegment.TryParse(context.Request.Path, api.Lifecycle.PathPrefix.Length, out var major) ? major : null;

    /// <summary>A pipeline without the security headers middleware (a test host) still gets the request's state.</summary>
    private static GatewayRequest Start(HttpContext context)
    {
        var request = new GatewayRequest(context);
        context.Features.Set(request);
        return request;
    }
}
