using Asp.Versioning.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ApiPlatform.ServiceDefaults.OpenApi;

/// <summary>One OpenAPI document per API version, secured by bearer tokens.</summary>
internal sealed class ConfigureSwaggerDocuments(IApiVersionDescriptionProvider versions, IOptions<ServiceOptions> service)
    : IConfigureOptions<SwaggerGenOptions>
{
    private const string SchemeId = "bearer";

    public void Configure(SwaggerGenOptions options)
    {
        var name = service.Value.Name;
        foreach (var version in versions.ApiVersionDescriptions)
        {
            options.SwaggerDoc(version.GroupName, new OpenApiInfo
            {
                Title = $"ApiPlatform {name} API",
                Version = version.ApiVersion.ToString(),
                Description = $"The {service.Value.Tier} API '{name}'. Every operation needs an access token with scope '{service.Value.Scope}'.",
            });
        }

        options.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
        options.SupportNonNullableReferenceTypes();
        options.OperationFilter<RequestProblemResponses>();
        options.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the platform's token server.",
        });
        options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
        {
            // An http bearer scheme lists no scopes (OAS 3); the scope each operation needs is named in the description.
            [new OpenApiSecuritySchemeReference(SchemeId, document)] = [],
        });
    }
}
