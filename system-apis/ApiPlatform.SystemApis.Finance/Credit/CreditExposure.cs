using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Credit;

/// <summary>
/// What counts against a credit line: its opening exposure (owed before finance kept the customer's invoices), what is
/// still due on the customer's issued invoices (after payments applied and credit notes; void and paid ones owe nothing)
/// and the amounts of approved assessments not yet released. Invoices of an account with a credit line are issued in the line's
/// currency only (see <see cref="CurrencyMismatch"/>), so every open invoice is counted.
/// </summary>
public static class CreditExposure
{
    public static async Task<decimal> OfAsync(FinanceDbContext db, CreditAccountEntity account, CancellationToken cancellationToken)
    {
        // Summed here, not in SQL: SQLite cannot aggregate decimals.
        var due = await db.Invoices.AsNoTracking()
            .Where(i => i.Tenant == account.Tenant && i.AccountId == account.AccountId && i.Currency == account.Currency
                && i.Status != InvoiceStatus.Void && i.Status != InvoiceStatus.Paid)
            .Select(i => i.Subtotal + i.Tax - i.AmountPaid - i.AmountCredited)
            .ToListAsync(cancellationToken);
        var committed = await db.CreditAssessments.AsNoTracking()
            .Where(a => a.AccountId == account.AccountId && a.Decision == CreditDecision.Approved && a.ReleasedAt == null)
            .Select(a => a.Amount)
            .ToListAsync(cancellationToken);
        return account.OpenInvoices + due.Sum() + committed.Sum();
    }

    /// <summary>Why an invoice in <paramref name="currency"/> cannot be issued to an account with this credit line, or null.</summary>
    public static string? CurrencyMismatch(CreditAccountEntity? account, string currency) =>
        account is null || account.Currency == currency
            ? null
            : $"The credit line of {account.AccountId} is kept in {account.Currency}: its invoices are issued in {account.Currency}, not {currency}, so that they count against it.";
}
