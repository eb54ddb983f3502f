namespace ApiPlatform.Gateway.Portal;

/// <summary>
/// Pages of the gateway's own (the developer portal, the operations console): files embedded in the assembly under one
/// resource prefix, served from one base path with that page's Content-Security-Policy, no CDN and no file system.
/// </summary>
internal sealed class EmbeddedAssets(string resourcePrefix, string contentSecurityPolicy)
{
    public string ContentSecurityPolicy { get; } = contentSecurityPolicy;

    /// <summary>Maps <c>{basePath}/{name}</c> for every asset, anonymous: the pages hold no data, their calls carry tokens.</summary>
    public void Map(IEndpointRouteBuilder app, string basePath, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            app.MapGet($"{basePath}/{name}", (HttpContext context) => Serve(context, name)).AllowAnonymous().ExcludeFromDescription();
        }
    }

    /// <summary>Every asset embedded under the prefix.</summary>
    public IEnumerable<string> Names() => typeof(EmbeddedAssets).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(resourcePrefix + "/", StringComparison.Ordinal))
        .Select(name => name[(resourcePrefix.Length + 1)..]);

    public IResult Serve(HttpContext context, string name)
    {
        var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream($"{resourcePrefix}/{name}")
            ?? throw new InvalidOperationException($"The asset {resourcePrefix}/{name} is not embedded.");
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Stream(stream, ContentType(name));
    }

    public Task WithPolicy(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json; charset=utf-8",
        _ => throw new InvalidOperationException($"No content type is known for the asset {name}."),
    };
}
