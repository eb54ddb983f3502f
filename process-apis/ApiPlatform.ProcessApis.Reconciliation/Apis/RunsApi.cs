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

public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder v1)
    {
        var runs = v1.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", StartRun).WithValidation<StartRunRequest>().WithName("startRun")
            .WithSummary("Queue a reconciliation of a tenant's period (yyyy-MM): answers 202 with the run, which a background worker runs; 409 while the period has a queued or running run")
            .ProducesProblem(409);
        runs.MapGet("/", ListRuns).WithName("listRuns").WithSummary("List runs, newest first, optionally of one tenant, period or status");
        runs.MapGet("/{id}", GetRun).WithName("getRun").WithSummary("Get one run: when it ran, the documents compared and the exceptions found by kind")
            .ProducesProblem(404);
        return runs;
    }

    public static async Task<Results<Accepted<ReconciliationRun>, ProblemHttpResult>> StartRun(
        StartRunRequest body, RunQueue queue, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.CanSee(body.Tenant))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Foreign tenant", "A caller may reconcile only its own tenant.");
        }
        var period = ReconciliationPeriod.Parse(body.Period).ToString();
        var (run, queued) = await queue.EnqueueAsync(body.Tenant, period, RunQueue.Manual, user.GetClientId() ?? "unknown", cancellationToken);
        if (!queued)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Period already being reconciled",
                $"Run {run.Id} of {body.Tenant} {period} is {run.Status}.",
                new Dictionary<string, object?> { ["existingRunId"] = run.Id, ["existingRun"] = $"/v1/runs/{run.Id}" });
        }
        return TypedResults.Accepted($"/v1/runs/{run.Id}", ReconciliationMapping.ToContract(run));
    }

    public static async Task<Ok<Page<ReconciliationRun>>> ListRuns(
        [AsParameters] PageRequest page, string? tenant, string? period, RunStatus? status, ReconciliationDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var query = db.Runs.AsNoTracking().VisibleTo(user)
            .Where(r => (tenant == null || r.Tenant == tenant) && (period == null || r.Period == period) && (status == null || r.Status == status));
        return TypedResults.Ok(await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(page, ReconciliationMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<ReconciliationRun>, NotFound>> GetRun(
        string id, ReconciliationDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run
            ? TypedResults.Ok(ReconciliationMapping.ToContract(run))
            : TypedResults.NotFound();
}
