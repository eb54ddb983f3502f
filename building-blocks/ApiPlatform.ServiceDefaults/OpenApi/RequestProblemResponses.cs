using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ApiPlatform.ServiceDefaults.OpenApi;

/// <summary>
/// Documents the answers every operation gives to a request it cannot read, whatever its handler declares: a parameter
/// or body that does not bind is 400, a body that is not JSON 415, both as problem details.
/// </summary>
internal sealed class RequestProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            Add(operation, context, "400", "Bad Request");
        }
        if (operation.RequestBody is not null)
        {
            Add(operation, context, "415", "Unsupported Media Type");
        }
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
    }
}
