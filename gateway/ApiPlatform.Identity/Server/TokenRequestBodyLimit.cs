using Microsoft.AspNetCore.Http.Features;

namespace ApiPlatform.Identity.Server;

/// <summary>
/// Limits the body of the token server's <c>/connect/*</c> requests, which are short forms: a larger one fails while
/// OpenIddict reads the form, and the shared exception handler answers it 413 problem+json (a form with too many
/// fields, 400), never 500.
/// </summary>
internal sealed class TokenRequestBodyLimit : IStartupFilter
{
    public const long MaxBytes = 65_536;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBytes;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
