using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApiPlatform.Workflows.Admin;

public static class WorkflowAdminApi
{
    /// <summary>
    /// Maps the operations API of this service's workflows under <paramref name="prefix"/>, for callers holding
    /// <c>platform:admin</c>: counts, instances (list, show with journal, retry, cancel) and stalled instances.
    /// </summary>
    public static RouteGroupBuilder MapWorkflowAdmin(this IEndpointRouteBuilder app, string prefix = "/workflows")
    {
        var group = app.MapGroup(prefix).RequireAuthorization(PlatformPolicies.Admin).ExcludeFromDescription();
        group.MapGet("/status", GetStatus);
        group.MapGet("/instances", ListInstances);
        group.MapGet("/instances/{id}", GetInstance);
        group.MapPost("/instances/{id}/retry", Retry);
        group.MapPost("/instances/{id}/cancel", Cancel).WithValidation<CancelWorkflowRequest>();
        group.MapGet("/stalled", ListStalled);
        return group;
    }

    private static async Task<Ok<IReadOnlyDictionary<string, IReadOnlyDictionary<WorkflowStatus, int>>>> GetStatus(
        IWorkflowClient workflows, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflows.CountAsync(cancellationToken));

    private static async Task<Ok<WorkflowInstancePage>> ListInstances(
        [AsParameters] WorkflowInstanceQuery query, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        var (items, total) = await workflows.ListAsync(query.ToFilter(), query.Skip, query.Take, cancellationToken);
        return TypedResults.Ok(new WorkflowInstancePage(items, total, query.Skip, query.Take));
    }

    private static async Task<Ok<WorkflowInstanceView>> GetInstance(string id, IWorkflowClient workflows, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflows.GetAsync(id, cancellationToken) ?? throw NotFound(id));

    private static async Task<Accepted<WorkflowInstanceView>> Retry(
        string id, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Check(await workflows.RetryAsync(id, user.GetClientId(), cancellationToken), id);
        return TypedResults.Accepted((string?)null, (await workflows.GetAsync(id, cancellationToken))!);
    }

    private static async Task<Accepted<WorkflowInstanceView>> Cancel(
        string id, CancelWorkflowRequest request, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Check(await workflows.CancelAsync(id, request.Reason, user.GetClientId(), cancellationToken), id);
        return TypedResults.Accepted((string?)null, (await workflows.GetAsync(id, cancellationToken))!);
    }

    private static async Task<Ok<IReadOnlyList<StalledInstance>>> ListStalled(
        string? type, int? limit, IWorkflowClient workflows, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflows.ListStalledAsync(type, Math.Clamp(limit ?? 100, 1, 500), cancellationToken));

    private static void Check(CommandResult result, string id)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                throw NotFound(id);
            case CommandOutcome.Conflict:
                throw ProblemException.Conflict(result.Message!);
        }
    }

    private static ProblemException NotFound(string id) => ProblemException.NotFound($"There is no workflow instance '{id}'.");
}
