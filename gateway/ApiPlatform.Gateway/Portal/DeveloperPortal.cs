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

    private static readonly EmbeddedAssets Assets = new("portal", ContentSecurityPolicy);

    public static void MapDeveloperPortal(this WebApplication app)
    {
        app.MapGet(BasePath, (HttpContext context) => Assets.Serve(context, "index.html")).AllowAnonymous().ExcludeFromDescription();
        Assets.Map(app, BasePath, ["portal.js", "portal.css", "index.html"]);

        var catalog = app.Services.GetRequiredService<ApiCatalog>();
        var lifecycles = app.Services.GetRequiredService<ApiLifecycleRegistry>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Branched so that only portal requests meet the Swagger UI middleware, not every proxied call; and built at the
        // first portal request, so that a gateway nobody browses never loads Swagger UI and the static-file middleware.
        app.Map(BasePath + "/swagger", swagger =>
        {
            var ui = new Lazy<RequestDelegate>(() => SwaggerUi(swagger.New(), catalog, lifecycles, now));
            swagger.Use(Assets.WithPolicy).Run(context => ui.Value(context));
        });
    }

    private static RequestDelegate SwaggerUi(IApplicationBuilder swagger, ApiCatalog catalog, ApiLifecycleRegistry lifecycles,
        DateTimeOffset now) => swagger.UseSwaggerUI(options =>
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
        }).Build();
}
