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
    /// Adds what every ApiPlatform service shares: telemetry, health checks, problem details, correlation,
    /// JWT bearer validation with scope policies, URL-segment API versioning and one OpenAPI document per version.
    /// A service that publishes no versioned API of its own (the gateway, whose endpoints are the platform's) passes
    /// <paramref name="versionedApis"/> false and loads neither API versioning nor the OpenAPI generator.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool versionedApis = true) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ServiceOptions>()
            .BindConfiguration(ServiceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddPlatformTelemetry();
        builder.AddPlatformHealthChecks();
        builder.AddPlatformProblemDetails();
        builder.AddPlatformAuthentication();
        if (versionedApis)
        {
            builder.AddPlatformOpenApi();
        }
        builder.Services.AddSingleton(TimeProvider.System);
        // No answer names the server software (docs/gateway.md): the gateway forwards what its upstreams send.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        // A body naming a property twice ("tenant" twice) is refused (400), never read as its last value.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.AllowDuplicateProperties = false);
        return builder;
    }

    /// <summary>
    /// Maps the shared middleware and endpoints: problem details, correlation, authentication,
    /// <c>/health/live</c>, <c>/health/ready</c> and the OpenAPI documents (when versioned APIs were added).
    /// <paramref name="routedFirst"/> adds middleware that runs right after routing, ahead of the shared problem details,
    /// correlation, authentication and authorization: it may answer some endpoints completely (and then owns their
    /// correlation and error responses, see <see cref="ProblemResponses"/>) and passes every other request on.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Action<IApplicationBuilder>? routedFirst = null)
    {
        if (routedFirst is not null)
        {
            app.UseRouting();
            routedFirst(app);
        }
        app.UsePlatformProblemDetails();
        app.UseMiddleware<CorrelationMiddleware>();
        if (routedFirst is null)
        {
            app.UseRouting();
        }
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
