using System.Security.Claims;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Credit;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class CreditAssessmentsApi
{
    public static RouteGroupBuilder MapCreditAssessmentsApi(this RouteGroupBuilder v1)
    {
        var assessments = v1.MapGroup("/credit-assessments").WithTags("Credit");
        assessments.MapPost("/", AssessCredit)
            .WithValidation<CreditAssessmentRequest>()
            .WithName("assessCredit")
            .WithSummary("Assess an account's credit for an amount; an approved amount counts against the credit line")
            .ProducesProblem(404)
            .ProducesProblem(422);
        assessments.MapGet("/{id}", GetAssessment).WithName("getCreditAssessment").WithSummary("Get one credit assessment").ProducesProblem(404);
        assessments.MapPost("/{id}/release", Release).WithName("releaseCreditAssessment")
            .WithSummary("Stop an approved amount counting against the credit line (its order was undone or invoiced); a repeat answers it unchanged")
            .ProducesProblem(404);
        return assessments;
    }

    public static async Task<Results<Created<CreditAssessment>, Ok<CreditAssessment>, NotFound, ProblemHttpResult>> AssessCredit(
        CreditAssessmentRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey,
        FinanceDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        // Keys are scoped per client, as the Idempotency-Key draft asks.
        var client = user.GetClientId() ?? "unknown";
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        Task<CreditAssessmentEntity?> Earlier() =>
            db.CreditAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.RequestedBy == client && a.IdempotencyKey == key, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return Replay(earlier, request);
        }

        var account = await db.CreditAccounts.VisibleTo(user).FirstOrDefaultAsync(a => a.AccountId == request.AccountId, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        if (account.Currency != request.Amount.Currency)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Currency mismatch",
                $"The credit line of {account.AccountId} is kept in {account.Currency}, not {request.Amount.Currency}.");
        }

        var exposure = await CreditExposure.OfAsync(db, account, cancellationToken);
        var (decision, reason) = CreditPolicy.Assess(account.CreditLimit, exposure, request.Amount.Amount);
        var assessment = new CreditAssessmentEntity
        {
            Id = $"ca-{Guid.NewGuid():N}",
            Tenant = account.Tenant,
            AccountId = account.AccountId,
            IdempotencyKey = key,
            RequestedBy = client,
            Currency = account.Currency,
            Amount = request.Amount.Amount,
            CreditLimit = account.CreditLimit,
            OpenExposure = exposure,
            Decision = decision,
            Reason = reason,
            AssessedAt = time.GetUtcNow(),
        };
        db.CreditAssessments.Add(assessment);
        if (await db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent)
        {
            return Replay(concurrent, request);
        }
        return TypedResults.Created($"/v1/credit-assessments/{assessment.Id}", ToContract(assessment));
    }

    private static Results<Created<CreditAssessment>, Ok<CreditAssessment>, NotFound, ProblemHttpResult> Replay(CreditAssessmentEntity earlier, CreditAssessmentRequest request) =>
        earlier.AccountId == request.AccountId && earlier.Amount == request.Amount.Amount && earlier.Currency == request.Amount.Currency
            ? TypedResults.Ok(ToContract(earlier))
            : ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Idempotency key reused",
                $"The key '{earlier.IdempotencyKey}' was used for a different credit assessment ({earlier.Id}).");

    public static async Task<Results<Ok<CreditAssessment>, NotFound>> GetAssessment(
        string id, FinanceDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var assessment = await db.CreditAssessments.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assessment is null ? TypedResults.NotFound() : TypedResults.Ok(ToContract(assessment));
    }

    public static async Task<Results<Ok<CreditAssessment>, NotFound>> Release(
        string id, FinanceDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var assessment = await db.CreditAssessments.VisibleTo(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        if (assessment.ReleasedAt is null)
        {
            assessment.ReleasedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(ToContract(assessment));
    }

    private static CreditAssessment ToContract(CreditAssessmentEntity a) => new(
        a.Id,
        a.Tenant,
        a.AccountId,
        new Money(a.Amount, a.Currency),
        new Money(a.CreditLimit, a.Currency),
        new Money(a.OpenExposure, a.Currency),
        new Money(Math.Max(a.CreditLimit - a.OpenExposure, 0), a.Currency),
        a.Decision,
        a.Reason,
        a.AssessedAt,
        new SourceReference("embedded-finance", a.Id),
        a.ReleasedAt);
}
