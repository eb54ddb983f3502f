using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Crm.Quotes;

/// <summary>A quote past its <c>validUntil</c> can no longer be submitted, approved or accepted: 422.</summary>
public static class QuoteExpiry
{
    public static ProblemHttpResult? Refuse(Quote quote, QuoteStatus target, TimeProvider time) =>
        target is QuoteStatus.Submitted or QuoteStatus.Approved or QuoteStatus.Accepted && quote.ValidUntil < time.GetUtcNow()
            ? ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Quote expired",
                $"Quote {quote.Number} was valid until {quote.ValidUntil:O}; it cannot become {target}.")
            : null;
}
