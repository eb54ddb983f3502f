using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        string tenant, string period, string currency, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant)!;
        if (!Period.TryParse(period, out _, out var last) || currency.Length != 3)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Invalid period", "The period is written yyyy-MM and the currency is an ISO 4217 code.");
        }

        var yearStart = new DateOnly(last.Year, 1, 1);
        var entries = await finance.Db.JournalEntries.AsNoTracking()
            .Where(e => e.Tenant == resolved && e.Currency == currency && e.PostingDate >= yearStart && e.PostingDate <= last).ToListAsync(cancellationToken);
        var accounts = await finance.Db.LedgerAccounts.AsNoTracking().ToDictionaryAsync(a => a.Code, cancellationToken);
        var lines = entries.SelectMany(e => e.Lines).GroupBy(l => l.AccountCode).OrderBy(g => g.Key).Select(g =>
        {
            var debit = g.Sum(l => l.Debit);
            var credit = g.Sum(l => l.Credit);
            var account = accounts[g.Key];
            return new TrialBalanceLine(g.Key, account.Name, account.Type, new Money(debit, currency), new Money(credit, currency), new Money(debit - credit, currency));
        }).ToList();
        var totalDebit = lines.Sum(l => l.Debit.Amount);
        var totalCredit = lines.Sum(l => l.Credit.Amount);
        return TypedResults.Ok(new TrialBalance(resolved, period, currency, lines, new Money(totalDebit, currency), new Money(totalCredit, currency), totalDebit == totalCredit));
    }
}
