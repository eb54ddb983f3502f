using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// A GET or HEAD without a body whose connection to one destination failed is sent once more to another destination
/// of the cluster: nothing reached the upstream, so nothing can be duplicated. Other methods are never retried.
/// </summary>
internal sealed class SafeRetryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        return !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || candidates.Count < 2
            || request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0
                ? next(context)
                : WithRetryAsync(context, proxy, candidates);
    }

    private async Task WithRetryAsync(HttpContext context, IReverseProxyFeature proxy, IReadOnlyList<DestinationState> candidates)
    {
        await next(context);
        if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { } failure
            || !ProxyErrors.IsConnectFailure(failure.Error, failure.Exception) || proxy.ProxiedDestination is not { } failed)
        {
            return;
        }

        var others = candidates.Where(d => !ReferenceEquals(d, failed)).ToArray();
        if (others.Length == 0)
        {
            return;
        }
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        proxy.AvailableDestinations = others;
        await next(context);
    }
}
