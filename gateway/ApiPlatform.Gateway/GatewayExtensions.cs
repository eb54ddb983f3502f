using ApiPlatform.Catalog;
using ApiPlatform.Gateway.AdminAudit;
using ApiPlatform.Gateway.Apis;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Auth;
using ApiPlatform.Gateway.Console;
using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.Forwarding;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.Portal;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Routing;
using ApiPlatform.Gateway.Usage;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace ApiPlatform.Gateway;

public static class GatewayExtensions
{
    /// <summary>
    /// Adds the gateway: the API catalog (<c>Catalog:Path</c>) as a singleton, YARP routes and clusters generated
    /// from it (upstreams overridable with <c>Gateway:Upstreams:{api}</c>), one scope policy per API, every API name
    /// as accepted token audience, rate-limit plans, idempotency, lifecycle control, the admin audit (in the gateway's own
    /// database, <c>ConnectionStrings:gateway</c>) and the edge hardening; shared state lives in Redis (<c>ConnectionStrings:redis</c>). Call after <c>AddServiceDefaults()</c>.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.Section)
            .Validate(catalog => Directory.Exists(catalog.EffectivePath),
                $"'{CatalogOptions.Section}:{nameof(CatalogOptions.Path)}' must name the catalog folder (holding apis/ and consumers.yaml).")
            .ValidateOnStart();
        services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddOptions<TokenEndpointOptions>()
            .BindConfiguration(TokenEndpointOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DestinationHealthOptions>()
            .BindConfiguration(DestinationHealthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider => CatalogLoader.Load(provider.GetRequiredService<IOptions<CatalogOptions>>().Value.EffectivePath));
        services.AddSingleton<ApprovedOpenApiDocuments>();
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, ConfigureScopePolicies>();
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, ConfigureGatewayAudiences>();
        services.AddSingleton<SigningKeyRefresher>();
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, ConfigureSigningKeyRefresh>();
        services.AddSingleton<FluentValidation.IValidator<LifecycleChange>, LifecycleChangeValidator>();

        services.AddReverseProxy().AddTransforms<CorrelationTransformProvider>().AddTransforms<LocationTransformProvider>();
        services.AddSingleton<IProxyConfigProvider, CatalogProxyConfigProvider>();
        // Registered after AddReverseProxy so it replaces YARP's default factory.
        services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();

        var redis = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("redis"));
        builder.AddConsumerUsage();
        builder.AddGatewayRateLimiting(redis);
        builder.AddGatewayIdempotency(redis);
        builder.AddGatewayLifecycleControl(redis);
        builder.AddTrustedProxies();
        builder.AddGatewayHardening();
        builder.AddGatewayAudit();
        builder.AddGatewayAdminAudit();
        builder.AddLeanRequestPath();
        // YARP registers data protection again (for affinity cookies, which no route uses).
        services.RemoveDataProtectionWarmup();
        return builder;
    }

    /// <summary>
    /// Routing, then the edge pipelines of proxied routes (<see cref="EdgePipelines"/>: API, webhook and token endpoint
    /// routes, enforced right after routing and ahead of the shared middleware, which their requests skip); call it
    /// before <c>MapDefaultEndpoints()</c>.
    /// </summary>
    public static WebApplication UseGatewayPolicies(this WebApplication app)
    {
        app.UseRouting();
        app.UseMiddleware<EdgePolicyMiddleware>();
        return app;
    }

    /// <summary>
    /// Maps <c>/catalog/apis</c>, the admin API, the generated proxy routes (rate limit, idempotency, retries and
    /// health checks in their pipeline) and a problem+json 404 for every other path.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapCatalogApi();
        app.MapConsumersApi();
        app.MapConsumerTrafficApi();
        app.MapSloApi();
        app.MapOpenApiDocumentApi();
        app.MapDeveloperPortal();
        app.MapOperationsConsole();
        app.MapProblemDocumentation();
        app.MapAdminApi();
        app.MapCatalogProxy();
        app.MapFallback("{**path}", NotFound).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static ProblemHttpResult NotFound(HttpContext context) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
            $"Nothing is published at {context.Request.Path}.");
}
