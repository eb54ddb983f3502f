using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ProcessApis.ProcureToPay.Matching;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay.Apis;

/// <summary>Three-way-match exceptions: the work list of accounts payable, and their resolutions (each one audited).</summary>
public static class ExceptionsApi
{
    private static readonly string[] Reasons = [ThreeWayMatch.Quantity, ThreeWayMatch.Price, ThreeWayMatch.Line, ThreeWayMatch.Total];

    public static RouteGroupBuilder MapExceptionsApi(this RouteGroupBuilder v1)
    {
        var exceptions = v1.MapGroup("/exceptions").WithTags("Exceptions");
        exceptions.MapGet("/", List).WithName("listProcurementExceptions")
            .WithSummary("List three-way-match exceptions, oldest first, by status, supplier, reason and age (opened before)").ProducesProblem(400);
        exceptions.MapGet("/{id}", Get).WithName("getProcurementException")
            .WithSummary("Get an exception with each line's ordered, received and invoiced figures and every resolution").ProducesProblem(404);
        exceptions.MapPost("/{id}/resolution", Resolve).WithValidation<ResolveExceptionRequest>().WithName("resolveProcurementException")
            .WithSummary("Resolve an exception: accept the invoice (exception approvers only), reject it for a corrected invoice, or wait for a further receipt")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return exceptions;
    }

    public static async Task<Results<Ok<Page<ProcurementException>>, ProblemHttpResult>> List(
        [AsParameters] PageRequest page, [FromQuery] ExceptionStatus? status, [FromQuery] string? supplierId, [FromQuery] string? reason,
        [FromQuery] DateTimeOffset? openedBefore, [FromQuery] string? tenant, ProcureToPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (reason is not null && !Reasons.Contains(reason))
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Unknown reason", $"'reason' is one of {string.Join(", ", Reasons)}.");
        }
        var scope = user.GetTenant() ?? tenant;
        var before = openedBefore?.ToUnixTimeMilliseconds();
        var like = $"%,{reason},%";
        var query = db.Exceptions.AsNoTracking().Where(e =>
            (scope == null || e.Tenant == scope) && (status == null || e.Status == status) && (supplierId == null || e.SupplierId == supplierId)
            && (reason == null || EF.Functions.Like(e.Reasons, like)) && (before == null || e.OpenedAt < before));
        return TypedResults.Ok(await query.OrderBy(e => e.OpenedAt).ThenBy(e => e.Id).ToPageAsync(page, RequisitionMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<ProcurementException>, NotFound>> Get(string id, ProcureToPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Visible(id, db, user, cancellationToken) is { } row ? TypedResults.Ok(RequisitionMapping.ToContract(row)) : TypedResults.NotFound();

    public static async Task<Results<Ok<ProcurementException>, NotFound, ProblemHttpResult>> Resolve(
        string id, ResolveExceptionRequest body, ProcureToPayDbContext db, Requisitions requisitions, IOptions<ProcureToPayOptions> options, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await Visible(id, db, user, cancellationToken) is not { } row)
        {
            return TypedResults.NotFound();
        }
        var actor = user.GetClientId() ?? "unknown";
        if (body.Action == "accept" && (user.GetTenant() is not null || !options.Value.ExceptionApprovers.Contains(actor, StringComparer.Ordinal)))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Not an exception approver",
                "Only an exception approver may accept an invoice that does not match its order and receipts.");
        }
        if (!await requisitions.ResolveAsync(row.RequisitionId, id, body, actor, cancellationToken))
        {
            var now = await Visible(id, db, user, cancellationToken);
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Nothing to resolve",
                $"Exception {id} is {now?.Status ?? row.Status}; '{body.Action}' applies to an open exception ('wait-for-receipt' to one not already waiting).");
        }
        return TypedResults.Ok(RequisitionMapping.ToContract((await Visible(id, db, user, cancellationToken))!));
    }

    private static Task<ProcurementExceptionEntity?> Visible(string id, ProcureToPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tenant = user.GetTenant();
        return db.Exceptions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && (tenant == null || e.Tenant == tenant), cancellationToken);
    }
}
