using ApiPlatform.Contracts;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Hardening;

internal static class HardeningExtensions
{
    /// <summary>Kestrel limits, CORS from the allowlist and the security headers, each from validated options.</summary>
    public static void AddGatewayHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServerLimitsOptions>().BindConfiguration(ServerLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, ConfigureServerLimits>();
        services.AddOptions<GatewayCorsOptions>().BindConfiguration(GatewayCorsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayCorsOptions>, CorsOptionsValidator>();
        services.AddCors();
        // The CORS middleware asks for the policy provider on every request; the default one is transient though stateless.
        services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, DefaultCorsPolicyProvider>());
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayCorsOptions>>((cors, gateway) =>
            cors.AddPolicy(EdgeStartupFilter.CorsPolicy, policy => policy
                .WithOrigins([.. gateway.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept, PlatformHeaders.IdempotencyKey,
                    Correlation.HeaderName, "traceparent")
                .WithExposedHeaders(RateLimitHeaders.Policy, RateLimitHeaders.Limit, HeaderNames.RetryAfter, HeaderNames.Location,
                    HeaderNames.Link, LifecycleCheck.DeprecationHeader, LifecycleCheck.SunsetHeader, Correlation.HeaderName, IdempotencyKey.ReplayedHeader)
                .SetPreflightMaxAge(TimeSpan.FromSeconds(gateway.Value.PreflightMaxAgeSeconds))));
        services.AddSingleton<IStartupFilter, EdgeStartupFilter>();
    }
}
