using System.Net;
using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>The partner's invoices and balance, from finance on the partner's behalf.</summary>
public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder v2)
    {
        var invoices = v2.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices).WithName("listPortalInvoices").WithSummary("List the caller's invoices, optionally of one status, ordered by number");
        invoices.MapGet("/{id}", GetInvoice).WithName("getPortalInvoice").WithSummary("Get one of the caller's invoices with its lines").ProducesProblem(404);
        v2.MapGet("/balance", GetBalance).WithTags("Invoices").WithName("getPortalBalance")
            .WithSummary("What the caller owes: open invoices less unapplied payments, per account and in total per currency");
        return invoices;
    }

    public static async Task<Ok<Page<PortalInvoice>>> ListInvoices(
        [AsParameters] PageRequest page, InvoiceStatus? status, IFinanceApi finance, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // finance filters by the tenant in the exchanged token; the portal checks again before showing anything.
        var invoices = await finance.ListInvoicesAsync(null, null, null, status, page.Skip, page.Take, cancellationToken);
        var own = invoices.Items.Where(i => i.Tenant == user.GetTenant()).Select(PortalInvoice.From).ToList();
        return TypedResults.Ok(new Page<PortalInvoice>(own, invoices.Total, invoices.Offset, invoices.Limit));
    }

    public static async Task<Results<Ok<PortalInvoice>, NotFound>> GetInvoice(
        string id, IFinanceApi finance, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var response = await finance.GetInvoiceAsync(id, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return TypedResults.NotFound();
        }

        var invoice = response.Require();
        return invoice.Tenant == user.GetTenant() ? TypedResults.Ok(PortalInvoice.From(invoice)) : TypedResults.NotFound();
    }

    public static async Task<Ok<PortalBalance>> GetBalance(
        IFinanceApi finance, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var balances = await finance.ListAccountBalancesAsync(null, cancellationToken);
        return TypedResults.Ok(PortalBalance.From(balances.Where(b => b.Tenant == user.GetTenant()).ToList(), time.GetUtcNow()));
    }
}
