using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.SystemApis.Finance.Credit;

/// <summary>The credit rule: a request is approved when it fits within the limit less the open exposure.</summary>
public static class CreditPolicy
{
    public static (CreditDecision Decision, string? Reason) Assess(decimal creditLimit, decimal openExposure, decimal requested)
    {
        var available = creditLimit - openExposure;
        if (requested <= available)
        {
            return (CreditDecision.Approved, null);
        }

        return (CreditDecision.Declined,
            $"The requested {requested:0.00} exceeds the available credit of {Math.Max(available, 0):0.00} (limit {creditLimit:0.00}, open exposure {openExposure:0.00}).");
    }
}
