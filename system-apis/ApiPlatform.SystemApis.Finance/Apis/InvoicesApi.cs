using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Credit;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.SystemApis.Finance.Receivables;
using ApiPlatform.SystemApis.Finance.Tax;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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

    public static async Task<Results<Created<Invoice>, Ok<Invoice>, ProblemHttpResult>> Issue(
        IssueInvoiceRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] FinanceRequest finance,
        TaxCalculator tax, GeneralLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        var client = finance.User.GetClientId() ?? "unknown";
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        Task<InvoiceEntity?> Earlier() =>
            finance.Db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.CreatedBy == client && i.IdempotencyKey == key, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return TypedResults.Ok(FinanceMapping.ToContract(earlier));
        }
        if (request.SalesOrderId is { } orderId
            && await finance.Db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Tenant == request.Tenant && i.SalesOrderId == orderId && i.Status != InvoiceStatus.Void, cancellationToken) is { } billed)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Order already invoiced", $"Sales order {orderId} is billed by invoice {billed.Number}.");
        }

        var creditLine = await finance.Db.CreditAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Tenant == request.Tenant && a.AccountId == request.AccountId, cancellationToken);
        if (CreditExposure.CurrencyMismatch(creditLine, request.Currency) is { } mismatch)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Currency mismatch", mismatch);
        }

        var (jurisdiction, rates) = await tax.RatesAsync(request.ShipTo, cancellationToken);
        var invoice = InvoiceFactory.Create(request, jurisdiction, rates, client, key, time.GetUtcNow());
        finance.Db.Invoices.Add(invoice);
        await ledger.PostAsync(invoice.Tenant, ledger.Today, $"Invoice {invoice.Number}", invoice.Currency,
        [
            (Accounts.Receivables, invoice.Total, 0m, invoice.AccountId),
            (Accounts.ProductRevenue, 0m, invoice.Subtotal, null),
            (Accounts.SalesTax, 0m, invoice.Tax, jurisdiction),
        ], null, cancellationToken);
        finance.Changes.Invoiced(invoice);
        if (await finance.Db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent)
        {
            return TypedResults.Ok(FinanceMapping.ToContract(concurrent));
        }
        return TypedResults.Created($"/v1/invoices/{invoice.Id}", FinanceMapping.ToContract(invoice));
    }

    public static async Task<Ok<Page<Invoice>>> List(
        [AsParameters] PageRequest page, string? accountId, string? salesOrderId, InvoiceStatus? status, [FromQuery] string? tenant, [AsParameters] FinanceRequest finance,
        CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant);
        var query = finance.Db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => (resolved == null || i.Tenant == resolved)
            && (accountId == null || i.AccountId == accountId) && (salesOrderId == null || i.SalesOrderId == salesOrderId) && (status == null || i.Status == status));
        return TypedResults.Ok(await query.OrderBy(i => i.Number).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Invoice>, NotFound>> Get(string id, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await finance.Db.Invoices.AsNoTracking().Include(i => i.Lines).VisibleTo(finance.User).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } invoice
            ? TypedResults.Ok(FinanceMapping.ToContract(invoice))
            : TypedResults.NotFound();
}
