using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ProcessApis.ProcureToPay.Apis;

public static class RequisitionsApi
{
    /// <summary>The line of a requisition submitted without lines: its description at its total.</summary>
    public const string NonStockSku = "NON-STOCK";

    public static RouteGroupBuilder MapRequisitionsApi(this RouteGroupBuilder v1)
    {
        var requisitions = v1.MapGroup("/requisitions").WithTags("Requisitions");
        requisitions.MapPost("/", Create).WithValidation<CreateRequisition>().WithName("createRequisition")
            .WithSummary("Submit a purchase requisition: answers 201 at once; approval, purchase order, match and payment run in the background")
            .ProducesProblem(403);
        requisitions.MapGet("/", List).WithName("listRequisitions").WithSummary("List requisitions, newest first: a tenant's caller sees its own, an internal caller all or one tenant's (?tenant=)");
        requisitions.MapGet("/{id}", Get).WithName("getRequisition")
            .WithSummary("Get a requisition with its lines (ordered, received, invoiced), approval decisions, documents, invoice and step timeline")
            .ProducesProblem(404);
        requisitions.MapRequisitionActionsApi();
        return requisitions;
    }

    public static async Task<Results<Created<Requisition>, ProblemHttpResult>> Create(
        CreateRequisition body, Requisitions requisitions, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var own = user.GetTenant();
        if (own is not null && body.Tenant is not null && body.Tenant != own)
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Another tenant", "A requisition can only be submitted for the caller's own tenant.");
        }
        if ((own ?? body.Tenant) is not { } tenant)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.Validation, "Tenant required",
                "'tenant' is required: the caller's token names no tenant.", new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { ["Tenant"] = ["'Tenant' must not be empty."] },
                });
        }

        var lines = body.Lines?.Select((l, i) => new StateLine(i + 1, l.Sku, l.Description, l.Quantity, l.UnitPrice)).ToList()
            ?? [new StateLine(1, NonStockSku, body.Description, 1m, body.Amount.Amount)];
        var id = await requisitions.StartAsync(new ProcurementState
        {
            Tenant = tenant, RequestedBy = user.GetClientId() ?? "unknown", Description = body.Description, Category = body.Category ?? "general",
            SupplierId = body.SupplierId, Total = body.Amount, Lines = lines,
        }, cancellationToken);
        var instance = (await workflows.GetAsync(id, cancellationToken))!;
        return TypedResults.Created($"/v1/requisitions/{id}", RequisitionMapping.ToContract(instance));
    }

    public static async Task<Ok<Page<Requisition>>> List(
        [AsParameters] PageRequest page, [FromQuery] string? tenant, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A tenant's caller sees its own; an internal caller sees all, or one tenant's with ?tenant=.
        var scope = user.GetTenant() ?? tenant;
        var (items, total) = await workflows.ListViewsAsync(new WorkflowFilter(RequisitionWorkflow.Name, Tenant: scope), page.Skip, page.Take, cancellationToken);
        return TypedResults.Ok(new Page<Requisition>(items.Select(RequisitionMapping.ToContract).ToList(), total, page.Skip, page.Take));
    }

    public static async Task<Results<Ok<Requisition>, NotFound>> Get(string id, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Visible(id, workflows, user, cancellationToken) is { } instance ? TypedResults.Ok(RequisitionMapping.ToContract(instance)) : TypedResults.NotFound();

    internal static async Task<WorkflowInstanceView?> Visible(string id, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is { Type: var type } instance && type == RequisitionWorkflow.Name && user.CanSee(instance.Tenant ?? "")
            ? instance
            : null;
}
