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
    private static readonly Dictionary<string, string> Assets = new()
    {
        ["portal.js"] = "text/javascript; charset=utf-8",
        ["portal.css"] = "text/css; charset=utf-8",
        ["index.html"] = "text/html; charset=utf-8",
    };

    public static void MapDeveloperPortal(this WebApplication app)
    {
        app.MapGet(BasePath, () => Asset("index.html")).AllowAnonymous().ExcludeFromDescription();
        foreach (var name in Assets.Keys)
        {
            app.MapGet($"{BasePath}/{name}", () => Asset(name)).AllowAnonymous().ExcludeFromDescription();
        }

        var catalog = app.Services.GetRequiredService<ApiCatalog>();
        var lifecycles = app.Services.GetRequiredService<ApiLifecycleRegistry>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Branched so that only portal requests meet the Swagger UI middleware, not every proxied call.
        app.Map(BasePath + "/swagger", swagger => swagger.UseSwaggerUI(options =>
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

    private static IResult Asset(string name)
    {
        var stream = typeof(DeveloperPortal).Assembly.GetManifestResourceStream($"portal/{name}")
            ?? throw new InvalidOperationException($"The portal asset {name} is not embedded.");
        return TypedResults.Stream(stream, Assets[name]);
    }
}
