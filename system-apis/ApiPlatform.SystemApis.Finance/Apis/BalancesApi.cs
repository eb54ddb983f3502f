using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class BalancesApi
{
    public static RouteGroupBuilder MapBalancesApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/accounts/{accountId}/balance", GetBalance).WithTags("Payments").WithName("getAccountBalance")
            .WithSummary("What a customer owes: open invoice amounts less payments not yet applied").ProducesProblem(404);
        return v1;
    }

    public static async Task<Results<Ok<AccountBalance>, NotFound, ProblemHttpResult>> GetBalance(
        string accountId, string? currency, [AsParameters] FinanceRequest finance, TimeProvider time, CancellationToken cancellationToken)
    {
        var invoices = await finance.Db.Invoices.AsNoTracking().VisibleTo(finance.User).Where(i => i.AccountId == accountId).ToListAsync(cancellationToken);
        var payments = await finance.Db.Payments.AsNoTracking().VisibleTo(finance.User).Where(p => p.AccountId == accountId).ToListAsync(cancellationToken);
        if (invoices.Count == 0 && payments.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var currencies = invoices.Select(i => i.Currency).Concat(payments.Select(p => p.Currency)).Distinct().ToList();
        var shown = currency ?? (currencies.Count == 1 ? currencies[0] : null);
        if (shown is null)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Several currencies",
                $"Account {accountId} has documents in {string.Join(", ", currencies)}; name one with 'currency'.");
        }

        var open = invoices.Where(i => i.Currency == shown && i.Status is not (InvoiceStatus.Void or InvoiceStatus.Paid)).ToList();
        var due = open.Sum(i => i.AmountDue);
        var unapplied = payments.Where(p => p.Currency == shown).Sum(p => p.Unapplied);
        var tenant = invoices.FirstOrDefault()?.Tenant ?? payments[0].Tenant;
        return TypedResults.Ok(new AccountBalance(tenant, accountId, new Money(due, shown), new Money(unapplied, shown),
            new Money(due - unapplied, shown), open.Count, time.GetUtcNow()));
    }
}
