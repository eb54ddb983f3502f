using ApiPlatform.Gateway.AdminAudit;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.Gateway.Apis;

/// <summary>
/// Lifecycle control at runtime (scope platform:admin): the catalog as in force, a version's lifecycle change that
/// every replica applies within seconds (recorded in the admin audit), and the admin audit itself.
/// </summary>
internal static class AdminApi
{
    public const string BasePath = "/admin";
    public const string StoreUnavailableType = ProblemTypes.Base + "lifecycle-store-unavailable";

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).RequireAuthorization(PlatformPolicies.Admin).WithTags("Admin");
        group.MapGet("/apis", ListApis).WithName("AdminListApis");
        group.MapGet("/apis/{api}", GetApi).WithName("AdminGetApi");
        group.MapPut("/apis/{api}/v{major:int}/lifecycle", ChangeLifecycle).WithName("AdminChangeLifecycle").WithValidation<LifecycleChange>();
        group.MapAdminAuditApi();
        return group;
    }

    public static Ok<AdminApiEntry[]> ListApis(ApiLifecycleRegistry registry, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok(registry.All.Select(api => AdminApiEntry.From(api, now)).ToArray());
    }

    public static Results<Ok<AdminApiEntry>, ProblemHttpResult> GetApi(string api, ApiLifecycleRegistry registry, TimeProvider time) =>
        registry.Find(api) is { } found ? TypedResults.Ok(AdminApiEntry.From(found, time.GetUtcNow())) : UnknownApi(api);

    public static async Task<Results<Ok<CatalogVersionEntry>, ValidationProblem, ProblemHttpResult>> ChangeLifecycle(
        string api, int major, LifecycleChange change, LifecycleAdministration administration, AdminAuditLog audit, TimeProvider time,
        HttpContext context)
    {
        if (administration.Find(api) is not { } lifecycle || lifecycle.Definition.FindVersion(major) is null)
        {
            return UnknownApi($"{api} v{major}");
        }
        if (change.Successor is { } successor && (successor <= major || lifecycle.Definition.FindVersion(successor) is null))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["successor"] = [$"v{successor} is not a later version of {api}."] },
                title: "The request is invalid", type: ProblemTypes.Validation);
        }

        var state = new LifecycleState(change.Status, change.DeprecatedAt, change.SunsetAt, change.Successor);
        var actor = context.User.GetActor() ?? "unknown";
        LifecycleState? before;
        try
        {
            before = await administration.ChangeAsync(lifecycle, major, state, actor, context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return StoreUnavailable(ex);
        }
        if (before is null)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Concurrent change",
                "Other lifecycle changes kept coming first; read the catalog again and retry.");
        }
        await audit.RecordAsync(context, new AdminAction(LifecycleActions.Of(before, state), api, $"{lifecycle.Definition.Name} v{major}",
            change.Reason, new { before, after = state }), context.RequestAborted);
        var version = lifecycle.Find(major)!;
        return TypedResults.Ok(CatalogVersionEntry.From(lifecycle.Definition, version.Definition, time.GetUtcNow()));
    }

    private static ProblemHttpResult StoreUnavailable(Exception error) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status503ServiceUnavailable, StoreUnavailableType, "Lifecycle store unavailable",
            $"The lifecycle store cannot be reached; nothing was changed ({error.GetType().Name}).");

    private static ProblemHttpResult UnknownApi(string what) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", $"The catalog has no '{what}'.");
}
