namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// Puts the edge in front of everything else, before correlation and authentication: the security headers and
/// CORS, whose preflight requests carry no token and must be answered before authorization refuses them.
/// </summary>
internal sealed class EdgeStartupFilter : IStartupFilter
{
    public const string CorsPolicy = "gateway-allowlist";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors(CorsPolicy);
        next(app);
    };
}
