using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.SystemApis.Finance.Receivables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>Corrections of an issued invoice: void it (nothing paid yet; the posting is reversed) or credit part of it.</summary>
public static class InvoiceAdjustmentsApi
{
    public static RouteGroupBuilder MapInvoiceAdjustments(this RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id}/void", Void).WithValidation<VoidInvoiceRequest>().WithName("voidInvoice")
            .WithSummary("Void an invoice nothing has been paid or credited on; its ledger posting is reversed").ProducesProblem(404).ProducesProblem(409);
        invoices.MapPost("/{id}/credit-notes", IssueCreditNote).WithValidation<IssueCreditNoteRequest>().WithName("issueCreditNote")
            .WithSummary("Credit part of an invoice, up to what is still due").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        invoices.MapGet("/{id}/credit-notes", ListCreditNotes).WithName("listCreditNotes").WithSummary("List the credit notes of an invoice").ProducesProblem(404);
        return invoices;
    }

    public static async Task<Results<Ok<Invoice>, NotFound, ProblemHttpResult>> Void(
        string id, VoidInvoiceRequest request, [AsParameters] FinanceRequest finance, GeneralLedger ledger, CancellationToken cancellationToken)
    {
        var invoice = await finance.Db.Invoices.Include(i => i.Lines).VisibleTo(finance.User).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }
        if (invoice.Status == InvoiceStatus.Void || invoice.AmountPaid > 0 || invoice.AmountCredited > 0)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Invoice cannot be voided",
                $"Invoice {invoice.Number} is {invoice.Status} with {invoice.AmountPaid:0.00} paid and {invoice.AmountCredited:0.00} credited; credit it instead.");
        }

        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Void of invoice {invoice.Number}: {request.Reason}", invoice.Currency,
        [
            (Accounts.ProductRevenue, invoice.Subtotal, 0m, null),
            (Accounts.SalesTax, invoice.Tax, 0m, invoice.Jurisdiction),
            (Accounts.Receivables, 0m, invoice.Total, invoice.AccountId),
        ], null, cancellationToken);
        invoice.Status = InvoiceStatus.Void;
        invoice.VoidReason = request.Reason;
        finance.Changes.Voided(invoice, request.Reason);
        await finance.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FinanceMapping.ToContract(invoice));
    }

    public static async Task<Results<Created<CreditNote>, NotFound, ProblemHttpResult>> IssueCreditNote(
        string id, IssueCreditNoteRequest request, [AsParameters] FinanceRequest finance, GeneralLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var invoice = await finance.Db.Invoices.Include(i => i.Lines).VisibleTo(finance.User).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }
        if (invoice.Status == InvoiceStatus.Void)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Invoice is void", $"Invoice {invoice.Number} is void.");
        }
        if (request.Amount.Currency != invoice.Currency || request.Amount.Amount > invoice.AmountDue)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Credit exceeds what is due",
                $"Invoice {invoice.Number} has {invoice.AmountDue:0.00} {invoice.Currency} due.");
        }

        var noteId = Guid.NewGuid().ToString("N");
        var note = new CreditNoteEntity
        {
            Id = $"cn-{noteId}", Tenant = invoice.Tenant, Number = $"CN-{time.GetUtcNow():yyyyMM}-{noteId[..8].ToUpperInvariant()}", InvoiceId = invoice.Id,
            Currency = invoice.Currency, Amount = request.Amount.Amount, Reason = request.Reason, IssuedAt = time.GetUtcNow(),
        };
        finance.Db.CreditNotes.Add(note);
        invoice.AmountCredited += note.Amount;
        InvoiceFactory.Settle(invoice);
        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Credit note {note.Number} on invoice {invoice.Number}", invoice.Currency,
            [(Accounts.Credits, note.Amount, 0m, request.Reason), (Accounts.Receivables, 0m, note.Amount, invoice.AccountId)], null, cancellationToken);
        finance.Changes.Credited(note, invoice);
        await finance.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/invoices/{invoice.Id}/credit-notes", FinanceMapping.ToContract(note));
    }

    public static async Task<Results<Ok<List<CreditNote>>, NotFound>> ListCreditNotes(string id, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        if (!await finance.Db.Invoices.AsNoTracking().VisibleTo(finance.User).AnyAsync(i => i.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var notes = await finance.Db.CreditNotes.AsNoTracking().Where(n => n.InvoiceId == id).OrderBy(n => n.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(notes.ConvertAll(FinanceMapping.ToContract));
    }
}
