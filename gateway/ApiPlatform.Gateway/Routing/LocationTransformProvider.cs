using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// A service answers <c>Location</c> and <c>Content-Location</c> in its own paths (<c>/v1/orders/…</c>), or as an
/// absolute URL of its own address; the caller gets the public path behind the gateway (<c>/{tier}/{api}/v1/orders/…</c>).
/// </summary>
internal sealed class LocationTransformProvider : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.GetValueOrDefault(GatewayRoutes.PathPrefixMetadataKey) is not { } prefix)
        {
            return;
        }
        context.AddResponseTransform(transform =>
        {
            var headers = transform.HttpContext.Response.Headers;
            var upstream = transform.ProxyResponse?.RequestMessage?.RequestUri;
            Rewrite(headers, HeaderNames.Location, prefix, upstream);
            Rewrite(headers, HeaderNames.ContentLocation, prefix, upstream);
            return ValueTask.CompletedTask;
        });
    }

    private static void Rewrite(IHeaderDictionary headers, string name, string prefix, Uri? upstream)
    {
        if (headers.TryGetValue(name, out var values) && values.Count == 1 && Public(values.ToString(), prefix, upstream) is { } rewritten)
        {
            headers[name] = rewritten;
        }
    }

    /// <summary>The public form of an upstream location, or null to leave it as it is (another site's URL, already public).</summary>
    internal static string? Public(string location, string prefix, Uri? upstream)
    {
        if (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal))
        {
            return location.StartsWith(prefix + "/", StringComparison.Ordinal) ? null : prefix + location;
        }
        // An absolute URL of the upstream itself (its loopback or in-cluster address) would lead callers past the gateway.
        return upstream is not null && Uri.TryCreate(location, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, upstream.Authority, StringComparison.OrdinalIgnoreCase)
            ? prefix + uri.PathAndQuery
            : null;
    }
}
