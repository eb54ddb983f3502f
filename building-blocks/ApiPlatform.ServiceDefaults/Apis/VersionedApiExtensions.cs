using ApiPlatform.ServiceDefaults.Auth;
using Asp.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ApiPlatform.ServiceDefaults.Apis;

public static class VersionedApiExtensions
{
    /// <summary>
    /// The route group of one major version of this service's API, <c>/v{major}</c>, which requires the
    /// service's scope and documents the error responses every operation can give.
    /// </summary>
    public static RouteGroupBuilder MapApiVersion(this IEndpointRouteBuilder app, string apiName, int major)
    {
        var group = app.NewVersionedApi(apiName)
            .MapGroup("/v{version:apiVersion}")
            .HasApiVersion(new ApiVersion(major));
        group.RequireAuthorization(PlatformPolicies.ServiceScope)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
