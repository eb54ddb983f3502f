using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApiPlatform.Messaging.Admin;

public static class MessagingAdminApi
{
    /// <summary>
    /// Maps the operations API of this service's messaging under <paramref name="prefix"/>, for callers holding
    /// <c>platform:admin</c>: status, dead letters (list, show, replay one or many, discard).
    /// </summary>
    public static RouteGroupBuilder MapMessagingAdmin(this IEndpointRouteBuilder app, string prefix = "/messaging")
    {
        var group = app.MapGroup(prefix).RequireAuthorization(PlatformPolicies.Admin).ExcludeFromDescription();
        group.MapGet("/status", GetStatus);
        group.MapGet("/dead-letters", ListDeadLetters);
        group.MapGet("/dead-letters/{id:long}", GetDeadLetter);
        group.MapPost("/dead-letters/{id:long}/replay", ReplayDeadLetter);
        group.MapPost("/dead-letters/replay", ReplayDeadLetters);
        group.MapPost("/dead-letters/{id:long}/discard", DiscardDeadLetter).WithValidation<DiscardDeadLetterRequest>();
        return group;
    }

    private static async Task<Ok<MessagingStatus>> GetStatus(IMessagingOperations operations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await operations.GetStatusAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<DeadLetterSummary>>> ListDeadLetters(
        [AsParameters] DeadLetterQuery query, IMessagingOperations operations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await operations.ListDeadLettersAsync(query.ToFilter(), query.Skip, query.Take, cancellationToken));

    private static async Task<Ok<DeadLetterDetail>> GetDeadLetter(long id, IMessagingOperations operations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await operations.GetDeadLetterAsync(id, cancellationToken) ?? throw NotFound(id));

    private static async Task<Accepted<DeadLetterDetail>> ReplayDeadLetter(long id, IMessagingOperations operations, CancellationToken cancellationToken)
    {
        try
        {
            var letter = await operations.ReplayAsync(id, cancellationToken) ?? throw NotFound(id);
            return TypedResults.Accepted((string?)null, letter);
        }
        catch (InvalidOperationException conflict)
        {
            throw ProblemException.Conflict(conflict.Message);
        }
    }

    private static async Task<Accepted<ReplayDeadLettersResult>> ReplayDeadLetters(
        ReplayDeadLettersRequest request, IMessagingOperations operations, CancellationToken cancellationToken)
    {
        var filter = new DeadLetterFilter(request.Type, request.Group, null, request.MinAge, request.MaxAge, request.Ids);
        return TypedResults.Accepted((string?)null, new ReplayDeadLettersResult(await operations.ReplayAsync(filter, cancellationToken)));
    }

    private static async Task<Ok<DeadLetterDetail>> DiscardDeadLetter(
        long id, DiscardDeadLetterRequest request, IMessagingOperations operations, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await operations.DiscardAsync(id, request.Reason, cancellationToken) ?? throw NotFound(id));
        }
        catch (InvalidOperationException conflict)
        {
            throw ProblemException.Conflict(conflict.Message);
        }
    }

    private static ProblemException NotFound(long id) => ProblemException.NotFound($"There is no dead letter {id}.");
}
