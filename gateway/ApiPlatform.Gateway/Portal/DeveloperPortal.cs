using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Lifecycle;

namespace ApiPlatform.Gateway.Portal;

/// <summary>
/// The developer portal at <c>/developers</c>: the catalog as a page, and Swagger UI (served by the gateway itself, no
/// CDN) with try-it for every published version, its requests going through the gateway with a client-credentials token.
/// </summary>
internal static class DeveloperPortal
{
    public const string BasePath = "/developers";

    // The portal runs scripts and styles of its own origin only; Swagger UI also styles elements inline and draws
    // data: images. Calls go to the gateway itself (try-it and the token endpoint).
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static readonly Dictionary<string, string> Assets = new()
    {
        ["portal.js"] = "text/javascript; charset=utf-8",
        ["portal.css"] = "text/css; charset=utf-8",
        ["index.html"] = "text/html; charset=utf-8",
    };

    public static void MapDeveloperPortal(this WebApplication app)
    {
        app.MapGet(BasePath, (HttpContext context) => Asset(context, "index.html")).AllowAnonymous().ExcludeFromDescription();
        foreach (var name in Assets.Keys)
        {
            app.MapGet($"{BasePath}/{name}", (HttpContext context) => Asset(context, name)).AllowAnonymous().ExcludeFromDescription();
        }

        var catalog = app.Services.GetRequiredService<ApiCatalog>();
        var lifecycles = app.Services.GetRequiredService<ApiLifecycleRegistry>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Branched so that only portal requests meet the Swagger UI middleware, not every proxied call.
        app.Map(BasePath + "/swagger", swagger => swagger.Use(WithPortalPolicy).UseSwaggerUI(options =>
        {
            options.RoutePrefix = "";
            options.DocumentTitle = "ApiPlatform APIs";
            options.EnableTryItOutByDefault();
            foreach (var api in catalog.Apis.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                foreach (var version in lifecycles.Find(api.Name)?.Versions.Where(v => v.IsServedAt(now)) ?? [])
                {
                    options.SwaggerEndpoint($"/catalog/apis/{api.Name}/v{version.Major}/openapi.json", $"{api.Name} v{version.Major}");
                }
            }
        }));
    }

    private static IResult Asset(HttpContext context, string name)
    {
        var stream = typeof(DeveloperPortal).Assembly.GetManifestResourceStream($"portal/{name}")
            ?? throw new InvalidOperationException($"The portal asset {name} is not embedded.");
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Stream(stream, Assets[name]);
    }

    private static Task WithPortalPolicy(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }
}
