using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Receivables;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class BalancesApi
{
    public static RouteGroupBuilder MapBalancesApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/accounts/{accountId}/balance", GetBalance).WithTags("Payments").WithName("getAccountBalance")
            .WithSummary("What a customer owes: open invoice amounts less payments not yet applied").ProducesProblem(404);
        v1.MapGet("/balances", ListBalances).WithTags("Payments").WithName("listAccountBalances")
            .WithSummary("What each customer of a tenant owes, one balance per account and currency, ordered by account").ProducesProblem(400).ProducesProblem(403);
        return v1;
    }

    public static async Task<Results<Ok<AccountBalance>, NotFound>> GetBalance(
        string accountId, string? currency, AccountBalances balances, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await balances.OfAccountAsync(finance.User, accountId, currency, cancellationToken) is { } balance ? TypedResults.Ok(balance) : TypedResults.NotFound();

    /// <summary>Every account of the tenant that has an invoice or a payment; a partner's is its own tenant.</summary>
    public static async Task<Ok<List<AccountBalance>>> ListBalances(
        [FromQuery] string? tenant, AccountBalances balances, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant)
            ?? throw new ProblemException(400, ProblemTypes.Validation, "Tenant required", "Name the tenant whose balances to list with 'tenant'.");
        return TypedResults.Ok(await balances.OfTenantAsync(resolved, cancellationToken));
    }
}
