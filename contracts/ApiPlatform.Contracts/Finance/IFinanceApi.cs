using Refit;

namespace ApiPlatform.Contracts.Finance;

/// <summary>Typed client of the finance system API, v1.</summary>
public interface IFinanceApi
{
    [Post("/v1/credit-assessments")]
    Task<CreditAssessment> AssessCreditAsync([Body] CreditAssessmentRequest request, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}
