using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Receivables;

/// <summary>What customers owe: open invoice amounts (void and paid ones owe nothing) less payments not yet applied, per account and currency.</summary>
public sealed class AccountBalances(FinanceDbContext db, TimeProvider time)
{
    /// <summary>
    /// The account's balance in <paramref name="currency"/>, or in its only currency when none is named; null when the
    /// caller sees no invoice or payment of the account.
    /// </summary>
    public async Task<AccountBalance?> OfAccountAsync(ClaimsPrincipal caller, string accountId, string? currency, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking().VisibleTo(caller).Where(i => i.AccountId == accountId).ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().VisibleTo(caller).Where(p => p.AccountId == accountId).ToListAsync(cancellationToken);
        if (invoices.Count == 0 && payments.Count == 0)
        {
            return null;
        }

        var currencies = invoices.Select(i => i.Currency).Concat(payments.Select(p => p.Currency)).Distinct().ToList();
        var shown = currency ?? (currencies.Count == 1 ? currencies[0] : null)
            ?? throw new ProblemException(422, ProblemTypes.BusinessRule, "Several currencies",
                $"Account {accountId} has documents in {string.Join(", ", currencies)}; name one with 'currency'.");
        var tenant = invoices.FirstOrDefault()?.Tenant ?? payments[0].Tenant;
        return Balance(tenant, accountId, shown, invoices, payments, time.GetUtcNow());
    }

    /// <summary>Every account of <paramref name="tenant"/> that has an invoice or a payment, ordered by account and currency.</summary>
    public async Task<List<AccountBalance>> OfTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Tenant == tenant).ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().Where(p => p.Tenant == tenant).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var keys = invoices.Select(i => (i.AccountId, i.Currency)).Concat(payments.Select(p => (p.AccountId, p.Currency))).Distinct()
            .OrderBy(k => k.AccountId, StringComparer.Ordinal).ThenBy(k => k.Currency, StringComparer.Ordinal);
        return keys.Select(k => Balance(tenant, k.AccountId, k.Currency,
            invoices.Where(i => i.AccountId == k.AccountId), payments.Where(p => p.AccountId == k.AccountId), now)).ToList();
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
