using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Health;
using ApiPlatform.ServiceDefaults.OpenApi;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.ServiceDefaults;

public static class Extensions
{
    /// <summary>
    /// Adds what every ApiPlatform service shares: telemetry, health checks, problem details, correlation and JWT bearer
    /// validation with scope policies. A service that publishes versioned APIs adds them with
    /// <see cref="AddVersionedApis{TBuilder}"/>.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ServiceOptions>()
            .BindConfiguration(ServiceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddPlatformTelemetry();
        builder.AddPlatformHealthChecks();
        builder.AddPlatformProblemDetails();
        builder.AddPlatformAuthentication();
        builder.Services.AddSingleton(TimeProvider.System);
        // No answer names the server software (docs/gateway.md): the gateway forwards what its upstreams send.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        // A body naming a property twice ("tenant" twice) is refused (400), never read as its last value.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.AllowDuplicateProperties = false);
        return builder;
    }

    /// <summary>
    /// URL-segment API versioning and one OpenAPI document per version, served at <c>/openapi/v{major}.json</c>, for a
    /// service that publishes versioned APIs (the system, process and experience APIs; call it from the service's own
    /// <c>Add…()</c> extension).
    /// </summary>
    public static TBuilder AddVersionedApis<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddPlatformOpenApi();
        return builder;
    }

    /// <summary>
    /// Maps the shared middleware and endpoints: problem details, correlation, routing (a host that routed earlier, to
    /// answer some endpoints ahead of this pipeline, keeps the endpoint it matched), authentication,
    /// <c>/health/live</c>, <c>/health/ready</c> and the OpenAPI documents (when versioned APIs were added).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UsePlatformProblemDetails();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPlatformHealthChecks();
        if (OpenApiExtensions.IsAdded(app.Services))
        {
            app.MapPlatformOpenApi();
        }
        return app;
    }
}
