using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Payables;

/// <summary>
/// Accounts payable: a supplier's invoice recorded once per supplier and number (a second copy with the same amounts
/// answers the first) and posted to expenses, input tax and payables; payments on it up to what is due, each bank
/// reference once.
/// </summary>
public sealed class SupplierInvoiceBook(FinanceDbContext db, GeneralLedger ledger, TimeProvider time)
{
    public async Task<Written<SupplierInvoice>> RecordAsync(RecordSupplierInvoiceRequest request, CancellationToken cancellationToken)
    {
        Task<SupplierInvoiceEntity?> Earlier() => db.SupplierInvoices.AsNoTracking().FirstOrDefaultAsync(i => i.Tenant == request.Tenant
            && i.SupplierId == request.SupplierId && i.SupplierInvoiceNumber == request.SupplierInvoiceNumber, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return Replay(earlier, request);
        }

        var invoice = new SupplierInvoiceEntity
        {
            Id = $"sinv-{Guid.NewGuid():N}", Tenant = request.Tenant, SupplierId = request.SupplierId, SupplierInvoiceNumber = request.SupplierInvoiceNumber,
            PurchaseOrderId = request.PurchaseOrderId, Status = SupplierInvoiceStatus.Open, Currency = request.Net.Currency, Net = request.Net.Amount,
            Tax = request.Tax.Amount, InvoiceDate = request.InvoiceDate, DueDate = request.DueDate,
        };
        db.SupplierInvoices.Add(invoice);
        await ledger.PostAsync(invoice.Tenant, request.InvoiceDate, $"Supplier invoice {invoice.SupplierInvoiceNumber} of {invoice.SupplierId}", invoice.Currency,
            [(Accounts.Expenses, invoice.Net, 0m, invoice.PurchaseOrderId), (Accounts.InputTax, invoice.Tax, 0m, null), (Accounts.Payables, 0m, invoice.Total, invoice.SupplierId)],
            null, cancellationToken);
        return await db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent
            ? Replay(concurrent, request)
            : new(FinanceMapping.ToContract(invoice), Created: true);
    }

    private static Written<SupplierInvoice> Replay(SupplierInvoiceEntity earlier, RecordSupplierInvoiceRequest request) =>
        earlier.Net == request.Net.Amount && earlier.Tax == request.Tax.Amount && earlier.Currency == request.Net.Currency
            ? new(FinanceMapping.ToContract(earlier), Created: false)
            : throw new ProblemException(409, ProblemTypes.Conflict, "Supplier invoice already recorded",
                $"Invoice {request.SupplierInvoiceNumber} of {request.SupplierId} was recorded with other amounts ({earlier.Id}).");

    /// <summary>The payment, or null when the caller has no such supplier invoice.</summary>
    public async Task<Written<SupplierPayment>?> PayAsync(ClaimsPrincipal caller, RecordSupplierPaymentRequest request, CancellationToken cancellationToken)
    {
        var invoice = await db.SupplierInvoices.VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == request.SupplierInvoiceId, cancellationToken);
        if (invoice is null)
        {
            return null;
        }
        if (await db.SupplierPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Tenant == invoice.Tenant && p.Reference == request.Reference, cancellationToken)
            is { } earlier)
        {
            // The same payment sent again (a retry) answers the first; the reference on another payment is a conflict.
            return earlier.SupplierInvoiceId == invoice.Id && earlier.Amount == request.Amount.Amount && earlier.Currency == request.Amount.Currency
                ? new(FinanceMapping.ToContract(earlier), Created: false)
                : throw new ProblemException(409, ProblemTypes.Conflict, "Payment reference used", $"A supplier payment with reference {request.Reference} exists.");
        }
        if (request.Amount.Currency != invoice.Currency || request.Amount.Amount > invoice.Total - invoice.AmountPaid)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Payment exceeds what is due",
                $"Supplier invoice {invoice.SupplierInvoiceNumber} has {invoice.Total - invoice.AmountPaid:0.00} {invoice.Currency} due.");
        }

        var payment = new SupplierPaymentEntity
        {
            Id = $"spay-{Guid.NewGuid():N}", Tenant = invoice.Tenant, SupplierInvoiceId = invoice.Id, Currency = invoice.Currency, Amount = request.Amount.Amount,
            Reference = request.Reference, PaidAt = time.GetUtcNow(),
        };
        db.SupplierPayments.Add(payment);
        invoice.AmountPaid += payment.Amount;
        invoice.Status = invoice.AmountPaid >= invoice.Total ? SupplierInvoiceStatus.Paid : SupplierInvoiceStatus.PartiallyPaid;
        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Payment {payment.Reference} of supplier invoice {invoice.SupplierInvoiceNumber}", invoice.Currency,
            [(Accounts.Payables, payment.Amount, 0m, invoice.SupplierId), (Accounts.Bank, 0m, payment.Amount, payment.Reference)], null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(FinanceMapping.ToContract(payment), Created: true);
    }

    /// <summary>The supplier invoices of <paramref name="tenant"/>, or of every tenant when it is null.</summary>
    public Task<Page<SupplierInvoice>> ListAsync(
        string? tenant, string? supplierId, SupplierInvoiceStatus? status, PageRequest page, CancellationToken cancellationToken) =>
        db.SupplierInvoices.AsNoTracking()
            .Where(i => (tenant == null || i.Tenant == tenant) && (supplierId == null || i.SupplierId == supplierId) && (status == null || i.Status == status))
            .OrderBy(i => i.Id).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken);

    public async Task<SupplierInvoice?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.SupplierInvoices.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } invoice
            ? FinanceMapping.ToContract(invoice)
            : null;
}
