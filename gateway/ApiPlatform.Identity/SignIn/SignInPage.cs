using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace ApiPlatform.Identity.SignIn;

/// <summary>
/// The server-rendered sign-in form: no script, one stylesheet inline whose hash the CSP names, and a form that posts to
/// this server only (plus the origins of the registered redirect URIs, which the redirect after the post reaches).
/// </summary>
internal static class SignInPage
{
    public const string FailedMessage = "Sign-in failed: the user name or password is not right. After repeated failures, sign-in pauses for a few minutes.";

    private const string Style =
        "body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2430;margin:0}" +
        "main{max-width:22rem;margin:12vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}" +
        "h1{font-size:1.4rem;margin:0 0 1.5rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}" +
        "input{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #8a93a3;border-radius:4px;font-size:1rem}" +
        "input:focus{outline:3px solid #2f6fde;outline-offset:1px}" +
        "button{margin-top:1.5rem;width:100%;padding:.65rem;border:0;border-radius:4px;background:#1f5fcf;color:#fff;font-size:1rem;cursor:pointer}" +
        "p[role=alert]{background:#fdecea;color:#8a1c12;padding:.75rem;border-radius:4px}";

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    public static string ContentSecurityPolicy(IEnumerable<string> redirectOrigins) =>
        $"default-src 'none'; style-src 'sha256-{StyleHash}'; form-action 'self' {string.Join(' ', redirectOrigins)}; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public static string Render(string? returnUrl, string antiforgeryField, string antiforgeryToken, string? error, string? userName)
    {
        var html = HtmlEncoder.Default;
        var body = new StringBuilder();
        body.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Sign in · ApiPlatform</title>")
            .Append("<style>").Append(Style).Append("</style></head><body><main><h1>Sign in to ApiPlatform</h1>");
        if (error is not null)
        {
            body.Append("<p role=\"alert\" id=\"sign-in-error\">").Append(html.Encode(error)).Append("</p>");
        }
        if (returnUrl is null)
        {
            // No authorization request to return to: after signing out, or a form that cannot be trusted.
            body.Append(error is null ? "<p>You are signed out. Open the application you want to use to sign in again.</p>" : "");
            return body.Append("</main></body></html>").ToString();
        }
        var described = error is null ? "" : " aria-describedby=\"sign-in-error\"";
        body.Append("<form method=\"post\" action=\"").Append(html.Encode(SignInEndpoint.Path)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(html.Encode(antiforgeryField)).Append("\" value=\"").Append(html.Encode(antiforgeryToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(html.Encode(returnUrl)).Append("\">")
            .Append("<label for=\"userName\">User name</label>")
            .Append("<input id=\"userName\" name=\"userName\" autocomplete=\"username\" required autofocus").Append(described)
            .Append(" value=\"").Append(html.Encode(userName ?? "")).Append("\">")
            .Append("<label for=\"password\">Password</label>")
            .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required").Append(described).Append('>')
            .Append("<button type=\"submit\">Sign in</button></form></main></body></html>");
        return body.ToString();
    }
}
