using ApiPlatform.ExperienceApis.Analytics.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

public static class ProjectionAdminApi
{
    /// <summary>Maps <c>POST …/projections/rebuild</c> on the messaging operations group (<c>platform:admin</c>).</summary>
    public static RouteGroupBuilder MapProjectionAdmin(this RouteGroupBuilder operations)
    {
        operations.MapPost("/projections/rebuild", Rebuild);
        return operations;
    }

    /// <summary>The read model is cleared at once and refills in the background from the retained streams.</summary>
    public sealed record RebuildStarted(int TransactionsCleared, IReadOnlyList<string> Topics, string Group);

    private static async Task<Accepted<RebuildStarted>> Rebuild(ProjectionRebuild rebuild, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, new RebuildStarted(await rebuild.RebuildAsync(cancellationToken), Projection.Topics, Projection.Group));
}
