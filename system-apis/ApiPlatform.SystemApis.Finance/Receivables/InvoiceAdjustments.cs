using System.Security.Claims;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Events;
using ApiPlatform.SystemApis.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Receivables;

/// <summary>
/// Corrections of an issued invoice: voided while nothing is paid or credited on it (its posting reversed), or credited
/// in part, up to what is still due. Every method answers null when the caller has no such invoice.
/// </summary>
public sealed class InvoiceAdjustments(FinanceDbContext db, GeneralLedger ledger, FinanceChangeFeed changes, TimeProvider time)
{
    public async Task<Invoice?> VoidAsync(ClaimsPrincipal caller, string id, string reason, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return null;
        }
        if (invoice.Status == InvoiceStatus.Void || invoice.AmountPaid > 0 || invoice.AmountCredited > 0)
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Invoice cannot be voided",
                $"Invoice {invoice.Number} is {invoice.Status} with {invoice.AmountPaid:0.00} paid and {invoice.AmountCredited:0.00} credited; credit it instead.");
        }

        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Void of invoice {invoice.Number}: {reason}", invoice.Currency,
        [
            (Accounts.ProductRevenue, invoice.Subtotal, 0m, null),
            (Accounts.SalesTax, invoice.Tax, 0m, invoice.Jurisdiction),
            (Accounts.Receivables, 0m, invoice.Total, invoice.AccountId),
        ], null, cancellationToken);
        invoice.Status = InvoiceStatus.Void;
        invoice.VoidReason = reason;
        var voided = FinanceMapping.ToContract(invoice);
        await changes.InvoiceVoidedAsync(voided, reason, cancellationToken);
        return voided;
    }

    public async Task<CreditNote?> CreditAsync(ClaimsPrincipal caller, string id, IssueCreditNoteRequest request, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return null;
        }
        if (invoice.Status == InvoiceStatus.Void)
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Invoice is void", $"Invoice {invoice.Number} is void.");
        }
        if (request.Amount.Currency != invoice.Currency || request.Amount.Amount > invoice.AmountDue)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Credit exceeds what is due", $"Invoice {invoice.Number} has {invoice.AmountDue:0.00} {invoice.Currency} due.");
        }

        var noteId = Guid.NewGuid().ToString("N");
        var note = new CreditNoteEntity
        {
            Id = $"cn-{noteId}", Tenant = invoice.Tenant, Number = $"CN-{time.GetUtcNow():yyyyMM}-{noteId[..8].ToUpperInvariant()}", InvoiceId = invoice.Id,
            Currency = invoice.Currency, Amount = request.Amount.Amount, Reason = request.Reason, IssuedAt = time.GetUtcNow(),
        };
        db.CreditNotes.Add(note);
        invoice.AmountCredited += note.Amount;
        InvoiceFactory.Settle(invoice);
        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Credit note {note.Number} on invoice {invoice.Number}", invoice.Currency,
            [(Accounts.Credits, note.Amount, 0m, request.Reason), (Accounts.Receivables, 0m, note.Amount, invoice.AccountId)], null, cancellationToken);
        var credited = FinanceMapping.ToContract(note);
        await changes.CreditNoteIssuedAsync(credited, FinanceMapping.ToContract(invoice), cancellationToken);
        return credited;
    }

    public async Task<List<CreditNote>?> CreditNotesAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken)
    {
        if (!await db.Invoices.AsNoTracking().VisibleTo(caller).AnyAsync(i => i.Id == id, cancellationToken))
        {
            return null;
        }
        var notes = await db.CreditNotes.AsNoTracking().Where(n => n.InvoiceId == id).OrderBy(n => n.Number).ToListAsync(cancellationToken);
        return notes.ConvertAll(FinanceMapping.ToContract);
    }
}
