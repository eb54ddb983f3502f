using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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

    public static async Task<Results<Created<SupplierInvoice>, Ok<SupplierInvoice>, ProblemHttpResult>> Record(
        RecordSupplierInvoiceRequest request, [AsParameters] FinanceRequest finance, GeneralLedger ledger, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        Task<SupplierInvoiceEntity?> Earlier() => finance.Db.SupplierInvoices.AsNoTracking().FirstOrDefaultAsync(i => i.Tenant == request.Tenant
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
        finance.Db.SupplierInvoices.Add(invoice);
        await ledger.PostAsync(invoice.Tenant, request.InvoiceDate, $"Supplier invoice {invoice.SupplierInvoiceNumber} of {invoice.SupplierId}", invoice.Currency,
            [(Accounts.Expenses, invoice.Net, 0m, invoice.PurchaseOrderId), (Accounts.InputTax, invoice.Tax, 0m, null), (Accounts.Payables, 0m, invoice.Total, invoice.SupplierId)],
            null, cancellationToken);
        if (await finance.Db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent)
        {
            return Replay(concurrent, request);
        }
        return TypedResults.Created($"/v1/supplier-invoices/{invoice.Id}", FinanceMapping.ToContract(invoice));
    }

    private static Results<Created<SupplierInvoice>, Ok<SupplierInvoice>, ProblemHttpResult> Replay(SupplierInvoiceEntity earlier, RecordSupplierInvoiceRequest request) =>
        earlier.Net == request.Net.Amount && earlier.Tax == request.Tax.Amount && earlier.Currency == request.Net.Currency
            ? TypedResults.Ok(FinanceMapping.ToContract(earlier))
            : ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Supplier invoice already recorded",
                $"Invoice {request.SupplierInvoiceNumber} of {request.SupplierId} was recorded with other amounts ({earlier.Id}).");

    public static async Task<Results<Created<SupplierPayment>, Ok<SupplierPayment>, NotFound, ProblemHttpResult>> Pay(
        RecordSupplierPaymentRequest request, [AsParameters] FinanceRequest finance, GeneralLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var invoice = await finance.Db.SupplierInvoices.VisibleTo(finance.User).FirstOrDefaultAsync(i => i.Id == request.SupplierInvoiceId, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }
        if (await finance.Db.SupplierPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Tenant == invoice.Tenant && p.Reference == request.Reference, cancellationToken)
            is { } earlier)
        {
            // The same payment sent again (a retry) answers the first; the reference on another payment is a conflict.
            return earlier.SupplierInvoiceId == invoice.Id && earlier.Amount == request.Amount.Amount && earlier.Currency == request.Amount.Currency
                ? TypedResults.Ok(FinanceMapping.ToContract(earlier))
                : ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Payment reference used", $"A supplier payment with reference {request.Reference} exists.");
        }
        if (request.Amount.Currency != invoice.Currency || request.Amount.Amount > invoice.Total - invoice.AmountPaid)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Payment exceeds what is due",
                $"Supplier invoice {invoice.SupplierInvoiceNumber} has {invoice.Total - invoice.AmountPaid:0.00} {invoice.Currency} due.");
        }

        var payment = new SupplierPaymentEntity
        {
            Id = $"spay-{Guid.NewGuid():N}", Tenant = invoice.Tenant, SupplierInvoiceId = invoice.Id, Currency = invoice.Currency, Amount = request.Amount.Amount,
            Reference = request.Reference, PaidAt = time.GetUtcNow(),
        };
        finance.Db.SupplierPayments.Add(payment);
        invoice.AmountPaid += payment.Amount;
        invoice.Status = invoice.AmountPaid >= invoice.Total ? SupplierInvoiceStatus.Paid : SupplierInvoiceStatus.PartiallyPaid;
        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Payment {payment.Reference} of supplier invoice {invoice.SupplierInvoiceNumber}", invoice.Currency,
            [(Accounts.Payables, payment.Amount, 0m, invoice.SupplierId), (Accounts.Bank, 0m, payment.Amount, payment.Reference)], null, cancellationToken);
        await finance.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/supplier-invoices/{invoice.Id}", FinanceMapping.ToContract(payment));
    }

    public static async Task<Ok<Page<SupplierInvoice>>> List(
        [AsParameters] PageRequest page, string? supplierId, SupplierInvoiceStatus? status, [FromQuery] string? tenant, [AsParameters] FinanceRequest finance,
        CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant);
        var query = finance.Db.SupplierInvoices.AsNoTracking()
            .Where(i => (resolved == null || i.Tenant == resolved) && (supplierId == null || i.SupplierId == supplierId) && (status == null || i.Status == status));
        return TypedResults.Ok(await query.OrderBy(i => i.Id).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<SupplierInvoice>, NotFound>> Get(string id, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await finance.Db.SupplierInvoices.AsNoTracking().VisibleTo(finance.User).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } invoice
            ? TypedResults.Ok(FinanceMapping.ToContract(invoice))
            : TypedResults.NotFound();
}
