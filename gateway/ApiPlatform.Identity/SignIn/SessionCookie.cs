namespace ApiPlatform.Identity.SignIn;

/// <summary>The token server's own sign-in session: a cookie scoped to <c>/connect</c>, holding only the person's subject.</summary>
internal static class SessionCookie
{
    public const string Scheme = "identity-session";
    public const string Name = "apiplatform.session";
    public const string AntiforgeryName = "apiplatform.antiforgery";
    public const string Path = "/connect";
}
