using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Apis;
using ApiPlatform.Gateway.Auth;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.Portal;
using ApiPlatform.Gateway.Routing;
using ApiPlatform.Gateway.Usage;
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
    /// from it (upstreams overridable with <c>Gateway:Upstreams:{api}</c>), one scope policy per API and every API
    /// name as accepted token audience. Call after <c>AddServiceDefaults()</c>.
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

        services.AddSingleton(provider => CatalogLoader.Load(provider.GetRequiredService<IOptions<CatalogOptions>>().Value.EffectivePath));
        services.AddSingleton<ApiLifecycleRegistry>();
        services.AddSingleton<ApprovedOpenApiDocuments>();
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, ConfigureScopePolicies>();
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, ConfigureGatewayAudiences>();

        services.AddReverseProxy().AddTransforms<CorrelationTransformProvider>();
        services.AddSingleton<IProxyConfigProvider, CatalogProxyConfigProvider>();
        // Registered after AddReverseProxy so it replaces YARP's default factory.
        services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        builder.AddConsumerUsage();
        return builder;
    }

    /// <summary>
    /// The version and lifecycle checks (404 unknown or draft version, 410 retired, deprecation headers); pass it as
    /// <c>MapDefaultEndpoints(beforeAuthorization: app => app.UseGatewayLifecycle())</c>.
    /// </summary>
    public static IApplicationBuilder UseGatewayLifecycle(this IApplicationBuilder app) =>
        app.UseMiddleware<LifecycleMiddleware>();

    /// <summary>Maps <c>/catalog/apis</c>, the generated proxy routes and a problem+json 404 for every other path.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        // Resolving the registry loads and validates the catalog now, so a bad catalog stops the start.
        var lifecycles = app.Services.GetRequiredService<ApiLifecycleRegistry>();

        app.MapCatalogApi();
        app.MapConsumersApi();
        app.MapOpenApiDocumentApi();
        app.MapDeveloperPortal();
        app.MapReverseProxy(proxy =>
            {
                proxy.UseMiddleware<ProxyErrorMiddleware>();
                proxy.UseMiddleware<UsageMiddleware>();
                proxy.UseSessionAffinity();
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            })
            .ConfigureEndpoints((endpoint, route) =>
            {
                if (route.Metadata?.GetValueOrDefault(GatewayRoutes.ApiMetadataKey) is { } api && lifecycles.Find(api) is { } lifecycle)
                {
                    endpoint.WithMetadata(lifecycle);
                }
            });
        app.MapFallback("{**path}", NotFound).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static ProblemHttpResult NotFound(HttpContext context) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
            $"Nothing is published at {context.Request.Path}.");
}
