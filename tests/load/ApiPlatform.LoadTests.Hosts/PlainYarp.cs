using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace ApiPlatform.LoadTests.Hosts;

/// <summary>YARP with the gateway's path scheme and nothing else: no token check, no limits, no idempotency, no audit.</summary>
internal static class PlainYarp
{
    public static WebApplication Build(WebApplicationBuilder builder, string backend)
    {
        RouteConfig[] routes =
        [
            Route("crm", "/system/crm"),
            Route("erp", "/system/erp"),
        ];
        ClusterConfig[] clusters =
        [
            new() { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = backend } } },
        ];
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }

    private static RouteConfig Route(string id, string prefix) => new RouteConfig
    {
        RouteId = id,
        ClusterId = "backend",
        Match = new RouteMatch { Path = prefix + "/{**rest}" },
    }.WithTransformPathRemovePrefix(prefix);
}
