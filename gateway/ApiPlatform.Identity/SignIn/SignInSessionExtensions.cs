using ApiPlatform.Identity.Data;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Identity.SignIn;

internal static class SignInSessionExtensions
{
    /// <summary>
    /// The session cookie and the antiforgery token of the sign-in form, both under <c>/connect</c>, HttpOnly and Secure
    /// (unless plain http is allowed), protected by a data-protection key ring kept in the token server's database so every
    /// replica reads them.
    /// </summary>
    public static void AddSignInSession(this WebApplicationBuilder builder, bool plainHttpAllowed)
    {
        var secure = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.AddDataProtection().SetApplicationName("ApiPlatform.Identity").PersistKeysToDbContext<TokenServerDbContext>();
        builder.Services.AddAuthentication().AddCookie(SessionCookie.Scheme, cookie =>
        {
            cookie.Cookie.Name = SessionCookie.Name;
            cookie.Cookie.Path = SessionCookie.Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.SlidingExpiration = false;
            // Nothing challenges this scheme: the authorization endpoint sends people to the form itself.
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(SessionCookie.Scheme)
            .Configure<IOptions<IdentityServerOptions>>((cookie, identity) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(identity.Value.SignIn.SessionMinutes));
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = SessionCookie.AntiforgeryName;
            antiforgery.Cookie.Path = SessionCookie.Path;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.HeaderName = null;
        });
        builder.Services.RemoveDataProtectionWarmup();
    }
}
