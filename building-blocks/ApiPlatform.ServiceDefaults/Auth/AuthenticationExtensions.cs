using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>Requires <paramref name="scope"/> among the caller's space-separated <c>scope</c> claims.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.HasScope(scope));

    /// <summary>
    /// AddAuthentication (and YARP, for its affinity cookies) registers data protection with a hosted service that loads
    /// (or creates and writes) the XML key ring at start. Bearer tokens need no key ring: without the warm-up, data
    /// protection still works for a service that uses it, from its first use, and the others neither load the XML stack
    /// nor write keys to disk. Call after the registrations that add data protection.
    /// </summary>
    public static IServiceCollection RemoveDataProtectionWarmup(this IServiceCollection services)
    {
        if (services.FirstOrDefault(descriptor => descriptor.ServiceType == typeof(IHostedService)
                && descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService")
            is { } keyRingWarmup)
        {
            services.Remove(keyRingWarmup);
        }
        return services;
    }

    internal static void AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // JwtBearer's own options and post-configuration, with a handler that remembers the tokens it validated.
        builder.Services.AddSingleton<TokenValidationCache>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerPostConfigureOptions>());
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<JwtBearerOptions, CachingJwtBearerHandler>(JwtBearerDefaults.AuthenticationScheme, null);
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, CachingAuthenticationSchemeProvider>());
        builder.Services.RemoveDataProtectionWarmup();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IOptions<ServiceOptions>, IHostEnvironment>((jwt, auth, service, environment) =>
                ConfigureJwtBearer(jwt, auth.Value, service.Value, environment));

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PlatformPolicies.Admin, policy => policy.RequireScope(PlatformPolicies.AdminScope));
        builder.Services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<ServiceOptions>>((authorization, service) =>
                authorization.AddPolicy(PlatformPolicies.ServiceScope, policy => policy.RequireScope(service.Value.Scope)));
        builder.Services.AddAuthorizationPolicyEvaluator();
        builder.Services.MakeAuthorizationSingletons();
    }

    private static void ConfigureJwtBearer(JwtBearerOptions jwt, AuthOptions auth, ServiceOptions service, IHostEnvironment environment)
    {
        var issuer = auth.GetEffectiveIssuer();
        jwt.Authority = issuer;
        jwt.MetadataAddress = new Uri(auth.GetAuthorityUri(), ".well-known/openid-configuration").AbsoluteUri;
        jwt.BackchannelHttpHandler = new IssuerRewriteHandler(new Uri(issuer), auth.GetAuthorityUri());
        // Plain http to the token server: loopback development, or a cluster that says so explicitly (Auth:AllowPlainHttp).
        jwt.RequireHttpsMetadata = !auth.PlainHttpAllowed(environment);
        jwt.MapInboundClaims = false;
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.TokenValidationParameters.ValidateIssuer = true;
        jwt.TokenValidationParameters.ValidIssuer = issuer;
        jwt.TokenValidationParameters.ValidateAudience = true;
        jwt.TokenValidationParameters.ValidAudience = service.Name;
        jwt.TokenValidationParameters.ValidateLifetime = true;
        jwt.TokenValidationParameters.RequireExpirationTime = true;
        jwt.TokenValidationParameters.RequireSignedTokens = true;
        jwt.TokenValidationParameters.ValidTypes = ["at+jwt"];
        jwt.TokenValidationParameters.ValidAlgorithms = ["RS256"];
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(Math.Min(auth.ClockSkewSeconds, 30));
        jwt.TokenValidationParameters.NameClaimType = "sub";
    }
}
