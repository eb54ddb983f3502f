using System.Security.Claims;
using ApiPlatform.Identity.People;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.SignIn;

/// <summary>
/// <c>GET /connect/signin</c> renders the form; <c>POST</c> checks the antiforgery token, the account's failure limit and
/// the password, then starts the session and returns to the authorization request. Every failure answers the same message.
/// </summary>
internal static class SignInEndpoint
{
    public const string Path = "/connect/signin";
    private const string AuthorizePath = "/connect/authorize?";

    public static IResult Show(HttpContext context, string? returnUrl, IAntiforgery antiforgery, IOptions<IdentityServerOptions> options) =>
        Page(context, antiforgery, options, IsAuthorizeRequest(returnUrl) ? returnUrl : null, StatusCodes.Status200OK, error: null, userName: null);

    public static async Task<IResult> SubmitAsync(
        HttpContext context, IAntiforgery antiforgery, PeopleDirectory people, SignInThrottle throttle, IOptions<IdentityServerOptions> options,
        ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, options, null, StatusCodes.Status400BadRequest, "The sign-in form expired. Open the application again to sign in.", null);
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        if (!IsAuthorizeRequest(returnUrl))
        {
            return Page(context, antiforgery, options, null, StatusCodes.Status400BadRequest, "The sign-in form does not belong to an application's request.", null);
        }
        var userName = form["userName"].ToString();
        var password = form["password"].ToString();
        var account = SignInThrottle.AccountOf(userName);
        var logger = loggers.CreateLogger(typeof(SignInEndpoint));

        if (await throttle.IsLockedAsync(account, cancellationToken))
        {
            logger.LogWarning("Sign-in refused: too many failures for the account {Account}", account);
            return Page(context, antiforgery, options, returnUrl, StatusCodes.Status429TooManyRequests, SignInPage.FailedMessage, userName);
        }
        if (people.Verify(userName.Trim(), password) is not { } person)
        {
            await throttle.RecordFailureAsync(account, cancellationToken);
            logger.LogWarning("Sign-in failed for the account {Account}", account);
            return Page(context, antiforgery, options, returnUrl, StatusCodes.Status400BadRequest, SignInPage.FailedMessage, userName);
        }

        await throttle.ResetAsync(account, cancellationToken);
        var session = new ClaimsIdentity(SessionCookie.Scheme, Claims.Subject, Claims.Role);
        session.AddClaim(new Claim(Claims.Subject, person.Subject));
        await context.SignInAsync(SessionCookie.Scheme, new ClaimsPrincipal(session));
        logger.LogInformation("{Subject} signed in", person.Subject);
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only a local authorization request: the form can never send a browser anywhere else.</summary>
    private static bool IsAuthorizeRequest(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(AuthorizePath, StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal);

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, IOptions<IdentityServerOptions> options, string? returnUrl,
        int status, string? error, string? userName)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var origins = options.Value.PublicClients.Values.SelectMany(client => client.RedirectUris)
            .Select(uri => new Uri(uri).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal);
        context.Response.Headers.ContentSecurityPolicy = SignInPage.ContentSecurityPolicy(origins);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(SignInPage.Render(returnUrl, tokens.FormFieldName, tokens.RequestToken!, error, userName),
            "text/html; charset=utf-8", statusCode: status);
    }
}
