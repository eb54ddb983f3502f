using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.Reconciliation.Apis;

public static class ExceptionsApi
{
    public static RouteGroupBuilder MapExceptionsApi(this RouteGroupBuilder v1)
    {
        var exceptions = v1.MapGroup("/exceptions").WithTags("Exceptions");
        exceptions.MapGet("/", ListExceptions).WithName("listExceptions")
            .WithSummary("List exceptions, optionally those a run found, of one kind, status, tenant or period");
        exceptions.MapGet("/{id}", GetException).WithName("getException").WithSummary("Get one exception with its documents and audit trail")
            .ProducesProblem(404);
        exceptions.MapPost("/{id}/resolution", Resolve).WithValidation<ResolveExceptionRequest>().WithName("resolveException")
            .WithSummary("Resolve an open exception with a note; the caller's client id is recorded. It stays resolved until its compared data change")
            .ProducesProblem(404).ProducesProblem(409);
        exceptions.MapPost("/{id}/recheck", Recheck).WithName("recheckException")
            .WithSummary("Compare the exception's period again now and keep the exception, or clear it if its discrepancy is gone")
            .ProducesProblem(404);
        return exceptions;
    }

    public static async Task<Ok<Page<ReconciliationException>>> ListExceptions(
        [AsParameters] PageRequest page, string? runId, ExceptionKind? kind, ExceptionStatus? status, string? tenant, string? period,
        ReconciliationDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.Exceptions.AsNoTracking().Include(e => e.Activity).VisibleTo(user).Where(e =>
            (kind == null || e.Kind == kind) && (status == null || e.Status == status) && (tenant == null || e.Tenant == tenant)
            && (period == null || e.Period == period));
        if (runId is not null)
        {
            query = query.Where(e => db.RunFindings.Any(f => f.RunId == runId && f.ExceptionId == e.Id));
        }
        return TypedResults.Ok(await query.OrderBy(e => e.Period).ThenBy(e => e.Kind).ThenBy(e => e.DocumentKey)
            .ToPageAsync(page, ReconciliationMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<ReconciliationException>, NotFound>> GetException(
        string id, ReconciliationDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Visible(id, db, user, cancellationToken) is { } exception ? TypedResults.Ok(ReconciliationMapping.ToContract(exception)) : TypedResults.NotFound();

    public static async Task<Results<Ok<ReconciliationException>, NotFound, ProblemHttpResult>> Resolve(
        string id, ResolveExceptionRequest body, ReconciliationDbContext db, ExceptionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await Visible(id, db, user, cancellationToken) is not { } exception)
        {
            return TypedResults.NotFound();
        }
        if (exception.Status != ExceptionStatus.Open)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Exception not open", $"Exception {id} is {exception.Status}; only an open exception is resolved.");
        }
        await store.ResolveAsync(exception, body.Note, user.GetClientId() ?? "unknown", cancellationToken);
        return TypedResults.Ok(ReconciliationMapping.ToContract(exception));
    }

    public static async Task<Results<Ok<ReconciliationException>, NotFound>> Recheck(
        string id, ReconciliationDbContext db, Reconciler reconciler, ExceptionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await Visible(id, db, user, cancellationToken) is not { } exception)
        {
            return TypedResults.NotFound();
        }
        var (findings, _) = await reconciler.CompareAsync(exception.Tenant, ReconciliationPeriod.Parse(exception.Period), cancellationToken);
        var finding = findings.FirstOrDefault(f => f.IdFor(exception.Tenant) == exception.Id);
        await store.RecheckAsync(exception, finding, user.GetClientId() ?? "unknown", cancellationToken);
        return TypedResults.Ok(ReconciliationMapping.ToContract(exception));
    }

    private static Task<ExceptionEntity?> Visible(string id, ReconciliationDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.Exceptions.Include(e => e.Activity).VisibleTo(user).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
}
