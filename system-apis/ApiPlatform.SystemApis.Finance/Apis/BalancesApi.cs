using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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

        var tenant = invoices.FirstOrDefault()?.Tenant ?? payments[0].Tenant;
        return TypedResults.Ok(Balance(tenant, accountId, shown, invoices, payments, time.GetUtcNow()));
    }

    /// <summary>Every account of the tenant that has an invoice or a payment; a partner's is its own tenant.</summary>
    public static async Task<Ok<List<AccountBalance>>> ListBalances(
        [FromQuery] string? tenant, [AsParameters] FinanceRequest finance, TimeProvider time, CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant)
            ?? throw new ProblemException(400, ProblemTypes.Validation, "Tenant required", "Name the tenant whose balances to list with 'tenant'.");
        var invoices = await finance.Db.Invoices.AsNoTracking().Where(i => i.Tenant == resolved).ToListAsync(cancellationToken);
        var payments = await finance.Db.Payments.AsNoTracking().Where(p => p.Tenant == resolved).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var keys = invoices.Select(i => (i.AccountId, i.Currency)).Concat(payments.Select(p => (p.AccountId, p.Currency))).Distinct()
            .OrderBy(k => k.AccountId, StringComparer.Ordinal).ThenBy(k => k.Currency, StringComparer.Ordinal);
        return TypedResults.Ok(keys.Select(k => Balance(resolved, k.AccountId, k.Currency,
            invoices.Where(i => i.AccountId == k.AccountId), payments.Where(p => p.AccountId == k.AccountId), now)).ToList());
    }

    private static AccountBalance Balance(
        string tenant, string accountId, string currency, IEnumerable<InvoiceEntity> invoices, IEnumerable<PaymentEntity> payments, DateTimeOffset asOf)
    {
        var open = invoices.Where(i => i.Currency == currency && i.Status is not (InvoiceStatus.Void or InvoiceStatus.Paid)).ToList();
        var due = open.Sum(i => i.AmountDue);
        var unapplied = payments.Where(p => p.Currency == currency).Sum(p => p.Unapplied);
        return new AccountBalance(tenant, accountId, new Money(due, currency), new Money(unapplied, currency), new Money(due - unapplied, currency), open.Count, asOf);
    }
}
