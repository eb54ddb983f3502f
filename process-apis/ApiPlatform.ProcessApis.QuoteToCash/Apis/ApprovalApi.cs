using System.Security.Claims;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash.Apis;

/// <summary>A finance approver decides on an order request over the available credit, before its deadline.</summary>
public static class ApprovalApi
{
    public static RouteGroupBuilder MapApprovalApi(this RouteGroupBuilder requests)
    {
        requests.MapPost("/{id}/approval", Decide)
            .WithValidation<ApprovalDecisionRequest>()
            .WithName("decideOrderApproval")
            .WithSummary("Approve or reject an order request that waits for a finance approver; a decision after the deadline is 409")
            .ProducesProblem(403)
            .ProducesProblem(404)
            .ProducesProblem(409);
        return requests;
    }

    public static async Task<Results<Accepted<OrderRequestStatus>, NotFound, ProblemHttpResult>> Decide(
        string id, ApprovalDecisionRequest decision, IWorkflowClient workflows, IOptions<QuoteToCashOptions> options, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await OrderRequestsApi.Visible(id, workflows, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var approver = user.GetClientId();
        var approvers = options.Value.Approval.Approvers;
        if (user.GetTenant() is not null || approver is null || (approvers.Count > 0 && !approvers.Contains(approver, StringComparer.Ordinal)))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Not a finance approver",
                "Only a finance approver of the platform may decide on an order request; partners cannot approve their own orders.");
        }

        var result = await workflows.SignalAsync(id, OrderWorkflow.ApprovalSignal, decision, approver, cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "No decision expected", result.Message!);
        }
        var instance = (await workflows.GetAsync(id, cancellationToken))!;
        return TypedResults.Accepted($"/v1/order-requests/{id}", OrderRequestMapping.ToContract(instance));
    }
}
