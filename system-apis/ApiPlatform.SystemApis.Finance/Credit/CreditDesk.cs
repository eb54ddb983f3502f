using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Credit;

/// <summary>
/// Credit assessments: an amount assessed against an account's credit line (in the line's currency) and its exposure,
/// once per client and Idempotency-Key; an approved amount counts against the line until it is released.
/// </summary>
public sealed class CreditDesk(FinanceDbContext db, TimeProvider time)
{
    /// <summary>The assessment, or null when the caller has no credit line for the account; without an Idempotency-Key the call is its own key.</summary>
    public async Task<Written<CreditAssessment>?> AssessAsync(
        ClaimsPrincipal caller, string client, CreditAssessmentRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        Task<CreditAssessmentEntity?> Earlier() =>
            db.CreditAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.RequestedBy == client && a.IdempotencyKey == key, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return Replay(earlier, request);
        }

        var account = await db.CreditAccounts.VisibleTo(caller).FirstOrDefaultAsync(a => a.AccountId == request.AccountId, cancellationToken);
        if (account is null)
        {
            return null;
        }
        if (account.Currency != request.Amount.Currency)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Currency mismatch",
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
        return await db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent
            ? Replay(concurrent, request)
            : new(ToContract(assessment), Created: true);
    }

    private static Written<CreditAssessment> Replay(CreditAssessmentEntity earlier, CreditAssessmentRequest request) =>
        earlier.AccountId == request.AccountId && earlier.Amount == request.Amount.Amount && earlier.Currency == request.Amount.Currency
            ? new(ToContract(earlier), Created: false)
            : throw new ProblemException(422, ProblemTypes.BusinessRule, "Idempotency key reused",
                $"The key '{earlier.IdempotencyKey}' was used for a different credit assessment ({earlier.Id}).");

    public async Task<CreditAssessment?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.CreditAssessments.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } assessment
            ? ToContract(assessment)
            : null;

    /// <summary>The assessment, released now unless it was before; null when the caller has no such assessment.</summary>
    public async Task<CreditAssessment?> ReleaseAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken)
    {
        var assessment = await db.CreditAssessments.VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        if (assessment.ReleasedAt is null)
        {
            assessment.ReleasedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToContract(assessment);
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
