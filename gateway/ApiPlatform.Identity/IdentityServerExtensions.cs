using ApiPlatform.Catalog;
using ApiPlatform.Identity.Clients;
using ApiPlatform.Identity.Data;
using ApiPlatform.Identity.Keys;
using ApiPlatform.Identity.People;
using ApiPlatform.Identity.Server;
using ApiPlatform.Identity.SignIn;
using ApiPlatform.Identity.Tokens;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ApiPlatform.Identity;

public static class IdentityServerExtensions
{
    /// <summary>
    /// Adds the OpenIddict token server: client credentials and token exchange for machines, the authorization code flow
    /// with PKCE (S256), refresh tokens and sign-out for the people of <c>Identity:People</c>, clients and scopes synced from the
    /// API catalog at start, RS256 <c>at+jwt</c> access tokens signed with the PEM keys of <c>Identity:SigningKeys:Path</c>.
    /// Call after <c>AddServiceDefaults()</c>.
    /// </summary>
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityServerOptions>()
            .BindConfiguration(IdentityServerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityServerOptions>, ClientSecretsValidator>();
        services.AddSingleton<IValidateOptions<IdentityServerOptions>, PublicClientsValidator>();
        services.AddSingleton<IValidateOptions<IdentityServerOptions>, PeopleValidator>();

        services.AddSingleton(provider => CatalogLoader.Load(
            provider.GetRequiredService<IConfiguration>()["Catalog:Path"] ?? Path.Combine(AppContext.BaseDirectory, "catalog")));
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<PeopleDirectory>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<AuthorizationPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<AuthorizationPruner>());

        builder.AddServiceDatabase<TokenServerDbContext>("identity", options => options.UseOpenIddict());
        services.AddScoped<ScopeSynchronizer>();
        services.AddScoped<ApplicationSynchronizer>();
        services.AddHostedService<CatalogSynchronizer>();

        var plainHttpAllowed = (builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions()).PlainHttpAllowed(builder.Environment);
        builder.AddSignInSession(plainHttpAllowed);
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<TokenServerDbContext>())
            .AddServer(server => TokenServerSetup.Configure(server, plainHttpAllowed));
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureTokenServer>();
        services.AddSingleton<IStartupFilter, TokenRequestBodyLimit>();
        // Resolving the server options at start loads the signing keys, so a missing key fails start, not the first request.
        services.AddOptions<OpenIddictServerOptions>().ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /connect/token</c>, <c>/connect/authorize</c>, the sign-in form <c>/connect/signin</c> and
    /// <c>/connect/endsession</c>; discovery and JWKS are answered by OpenIddict itself.
    /// </summary>
    public static WebApplication MapIdentityServer(this WebApplication app)
    {
        app.MapPost("/connect/token", TokenEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SignInEndpoint.Path, SignInEndpoint.Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SignInEndpoint.Path, SignInEndpoint.SubmitAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
