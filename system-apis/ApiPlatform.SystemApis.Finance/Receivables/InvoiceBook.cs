using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.SystemApis.Finance.Credit;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Events;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.SystemApis.Finance.Tax;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Receivables;

/// <summary>
/// Customer invoices: issued once per client and Idempotency-Key, at most one live invoice per sales order, in the
/// currency of the account's credit line, taxed by the ship-to jurisdiction and posted to receivables, revenue and tax
/// with <c>finance.invoice.issued.v1</c>.
/// </summary>
public sealed class InvoiceBook(FinanceDbContext db, TaxCalculator tax, GeneralLedger ledger, FinanceChangeFeed changes, TimeProvider time)
{
    /// <summary>Issues the invoice; without an Idempotency-Key the call is its own key.</summary>
    public async Task<Written<Invoice>> IssueAsync(IssueInvoiceRequest request, string client, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        Task<InvoiceEntity?> Earlier() =>
            db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.CreatedBy == client && i.IdempotencyKey == key, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return new(FinanceMapping.ToContract(earlier), Created: false);
        }
        if (request.SalesOrderId is { } orderId
            && await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Tenant == request.Tenant && i.SalesOrderId == orderId && i.Status != InvoiceStatus.Void, cancellationToken) is { } billed)
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Order already invoiced", $"Sales order {orderId} is billed by invoice {billed.Number}.");
        }

        var creditLine = await db.CreditAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Tenant == request.Tenant && a.AccountId == request.AccountId, cancellationToken);
        if (CreditExposure.CurrencyMismatch(creditLine, request.Currency) is { } mismatch)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Currency mismatch", mismatch);
        }

        var (jurisdiction, rates) = await tax.RatesAsync(request.ShipTo, cancellationToken);
        var invoice = InvoiceFactory.Create(request, jurisdiction, rates, client, key, time.GetUtcNow());
        db.Invoices.Add(invoice);
        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Invoice {invoice.Number}", invoice.Currency,
        [
            (Accounts.Receivables, invoice.Total, 0m, invoice.AccountId),
            (Accounts.ProductRevenue, 0m, invoice.Subtotal, null),
            (Accounts.SalesTax, 0m, invoice.Tax, jurisdiction),
        ], null, cancellationToken);
        var issued = FinanceMapping.ToContract(invoice);
        return await db.SaveOrFindWinnerAsync(() => changes.InvoiceIssuedAsync(issued, cancellationToken), Earlier) is { } concurrent
            ? new(FinanceMapping.ToContract(concurrent), Created: false)
            : new(issued, Created: true);
    }

    /// <summary>The invoices of <paramref name="tenant"/>, or of every tenant when it is null.</summary>
    public Task<Page<Invoice>> ListAsync(
        string? tenant, string? accountId, string? salesOrderId, InvoiceStatus? status, PageRequest page, CancellationToken cancellationToken) =>
        db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => (tenant == null || i.Tenant == tenant)
                && (accountId == null || i.AccountId == accountId) && (salesOrderId == null || i.SalesOrderId == salesOrderId) && (status == null || i.Status == status))
            .OrderBy(i => i.Number).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken);

    public async Task<Invoice?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.Invoices.AsNoTracking().Include(i => i.Lines).VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } invoice
            ? FinanceMapping.ToContract(invoice)
            : null;
}
