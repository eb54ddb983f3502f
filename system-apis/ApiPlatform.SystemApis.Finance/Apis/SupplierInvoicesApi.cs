using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Payables;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>Accounts payable: supplier invoices (each supplier's number once) and the payments made on them.</summary>
public static class SupplierInvoicesApi
{
    public static RouteGroupBuilder MapSupplierInvoicesApi(this RouteGroupBuilder v1)
    {
        var invoices = v1.MapGroup("/supplier-invoices").WithTags("Payables");
        invoices.MapPost("/", Record).WithValidation<RecordSupplierInvoiceRequest>().WithName("recordSupplierInvoice")
            .WithSummary("Record a supplier's invoice once (a second copy of the same number answers the first) and post it to payables")
            .ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        invoices.MapGet("/", List).WithName("listSupplierInvoices").WithSummary("List supplier invoices, optionally of one supplier or status");
        invoices.MapGet("/{id}", Get).WithName("getSupplierInvoice").WithSummary("Get one supplier invoice").ProducesProblem(404);
        v1.MapPost("/supplier-payments", Pay).WithTags("Payables").WithValidation<RecordSupplierPaymentRequest>().WithName("recordSupplierPayment")
            .WithSummary("Pay a supplier invoice, up to what is due; the same payment sent again (same reference, invoice and amount) answers the first")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return invoices;
    }

    public static async Task<Results<Created<SupplierInvoice>, Ok<SupplierInvoice>>> Record(
        RecordSupplierInvoiceRequest request, SupplierInvoiceBook invoices, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        var written = await invoices.RecordAsync(request, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/supplier-invoices/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Results<Created<SupplierPayment>, Ok<SupplierPayment>, NotFound>> Pay(
        RecordSupplierPaymentRequest request, SupplierInvoiceBook invoices, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await invoices.PayAsync(finance.User, request, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            { Created: true, Record: var payment } => TypedResults.Created($"/v1/supplier-invoices/{request.SupplierInvoiceId}", payment),
            { Record: var replayed } => TypedResults.Ok(replayed),
        };

    public static async Task<Ok<Page<SupplierInvoice>>> List(
        [AsParameters] PageRequest page, string? supplierId, SupplierInvoiceStatus? status, [FromQuery] string? tenant, SupplierInvoiceBook invoices,
        [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invoices.ListAsync(TenantScope.Resolve(finance.User, tenant), supplierId, status, page, cancellationToken));

    public static async Task<Results<Ok<SupplierInvoice>, NotFound>> Get(
        string id, SupplierInvoiceBook invoices, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await invoices.GetAsync(finance.User, id, cancellationToken) is { } invoice ? TypedResults.Ok(invoice) : TypedResults.NotFound();
}
