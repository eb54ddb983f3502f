using ApiPlatform.Gateway.Portal;

namespace ApiPlatform.Gateway.Console;

/// <summary>
/// The operations console at <c>/console</c>: a page of plain scripts of its own that signs a person in at the gateway's
/// token server (authorization code + PKCE, public client <c>console</c>) and calls the admin and operations APIs through
/// the gateway with that person's token. The page itself holds no data, so it is served to anyone.
/// </summary>
internal static class OperationsConsole
{
    public const string BasePath = "/console";

    // Stricter than the portal's: no inline style either. Calls go to the gateway itself (the APIs and /connect/token).
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly EmbeddedAssets Assets = new("console", ContentSecurityPolicy);

    public static void MapOperationsConsole(this WebApplication app)
    {
        // /console (and /console/: routing ignores a trailing slash), and the redirect URI the token server sends the browser
        // back to with ?code=&state=, which the same page reads.
        foreach (var path in new[] { BasePath, BasePath + "/signed-in" })
        {
            app.MapGet(path, (HttpContext context) => Page(context)).AllowAnonymous().ExcludeFromDescription();
        }
        Assets.Map(app, BasePath, Assets.Names().Where(name => name != "index.html"));
    }

    private static IResult Page(HttpContext context)
    {
        // The sign-in answer carries a code in the address: it must not leak as a referrer, and the page is never cached.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Assets.Serve(context, "index.html");
    }
}
