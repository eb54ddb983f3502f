using Asp.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ApiPlatform.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>Where every service serves the OpenAPI document of each of its versions.</summary>
    public const string DocumentRoute = "openapi/{documentName}.json";

    internal static void AddPlatformOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlatformOpenApiMarker>();
        builder.Services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1);
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen();
        builder.Services.AddTransient<IConfigureOptions<SwaggerGenOptions>, ConfigureSwaggerDocuments>();
    }

    internal static bool IsAdded(IServiceProvider services) => services.GetService<PlatformOpenApiMarker>() is not null;

    private sealed class PlatformOpenApiMarker;

    internal static void MapPlatformOpenApi(this WebApplication app)
    {
        app.MapSwagger(DocumentRoute).AllowAnonymous();
    }
}
