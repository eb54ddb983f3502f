using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Receivables;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder v1)
    {
        var invoices = v1.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapPost("/", Issue).WithValidation<IssueInvoiceRequest>().WithName("issueInvoice")
            .WithSummary("Issue the invoice of a sales order, taxed by its ship-to jurisdiction and posted to the ledger; a repeat with the same Idempotency-Key answers the same invoice")
            .ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        invoices.MapGet("/", List).WithName("listInvoices").WithSummary("List invoices, optionally of one account, order or status");
        invoices.MapGet("/{id}", Get).WithName("getInvoice").WithSummary("Get one invoice with its lines, payments and credits").ProducesProblem(404);
        invoices.MapInvoiceAdjustments();
        return invoices;
    }

    public static async Task<Results<Created<Invoice>, Ok<Invoice>>> Issue(
        IssueInvoiceRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, InvoiceBook invoices,
        [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        var written = await invoices.IssueAsync(request, finance.Client, idempotencyKey, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/invoices/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Ok<Page<Invoice>>> List(
        [AsParameters] PageRequest page, string? accountId, string? salesOrderId, InvoiceStatus? status, [FromQuery] string? tenant, InvoiceBook invoices,
        [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invoices.ListAsync(TenantScope.Resolve(finance.User, tenant), accountId, salesOrderId, status, page, cancellationToken));

    public static async Task<Results<Ok<Invoice>, NotFound>> Get(string id, InvoiceBook invoices, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await invoices.GetAsync(finance.User, id, cancellationToken) is { } invoice ? TypedResults.Ok(invoice) : TypedResults.NotFound();
}
