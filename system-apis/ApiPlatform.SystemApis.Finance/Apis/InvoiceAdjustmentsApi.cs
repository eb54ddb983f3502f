using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Receivables;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static async Task<Results<Ok<Invoice>, NotFound>> Void(
        string id, VoidInvoiceRequest request, InvoiceAdjustments adjustments, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await adjustments.VoidAsync(finance.User, id, request.Reason, cancellationToken) is { } invoice ? TypedResults.Ok(invoice) : TypedResults.NotFound();

    public static async Task<Results<Created<CreditNote>, NotFound>> IssueCreditNote(
        string id, IssueCreditNoteRequest request, InvoiceAdjustments adjustments, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await adjustments.CreditAsync(finance.User, id, request, cancellationToken) is { } note
            ? TypedResults.Created($"/v1/invoices/{id}/credit-notes", note)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<List<CreditNote>>, NotFound>> ListCreditNotes(
        string id, InvoiceAdjustments adjustments, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await adjustments.CreditNotesAsync(finance.User, id, cancellationToken) is { } notes ? TypedResults.Ok(notes) : TypedResults.NotFound();
}
