using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class TrialBalanceApi
{
    public static RouteGroupBuilder MapTrialBalanceApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/ledger/trial-balance", Get).WithTags("General ledger").WithName("getTrialBalance")
            .WithSummary("Debit and credit totals per ledger account from the start of the year to the end of a period (yyyy-MM)").ProducesProblem(400);
        return v1;
    }

    public static async Task<Results<Ok<TrialBalance>, ProblemHttpResult>> Get(
        string tenant, string period, string currency, JournalBook journal, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant)!;
        if (!Period.TryParse(period, out _, out var last) || currency.Length != 3)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Invalid period", "The period is written yyyy-MM and the currency is an ISO 4217 code.");
        }

        return TypedResults.Ok(await journal.TrialBalanceAsync(resolved, period, last, currency, cancellationToken));
    }
}
