using System.Net;
using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ExperienceApis.PartnerPortal.Composition;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>
/// The partner's invoices and balance, from finance on the partner's behalf. Finance is their only part, so when it
/// does not answer within <see cref="CompositionOptions.PartTimeout"/> they answer 503 naming it, at once rather than
/// after the client's retries and the route's timeout.
/// </summary>
public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder v2)
    {
        var invoices = v2.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices).WithName("listPortalInvoices").WithSummary("List the caller's invoices, optionally of one status, ordered by number")
            .ProducesProblem(503);
        invoices.MapGet("/{id}", GetInvoice).WithName("getPortalInvoice").WithSummary("Get one of the caller's invoices with its lines")
            .ProducesProblem(404).ProducesProblem(503);
        v2.MapGet("/balance", GetBalance).WithTags("Invoices").WithName("getPortalBalance")
            .WithSummary("What the caller owes: open invoices less unapplied payments, per account and in total per currency")
            .ProducesProblem(503);
        return invoices;
    }

    public static async Task<Results<Ok<Page<PortalInvoice>>, ProblemHttpResult>> ListInvoices(
        [AsParameters] PageRequest page, InvoiceStatus? status, IFinanceApi finance, ViewComposer composer, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // finance filters by the tenant in the exchanged token; the portal checks again before showing anything.
        var invoices = await composer.LoadAsync(Finance,
            async budget => (await finance.ListInvoicesAsync(null, null, null, status, page.Skip, page.Take, budget)).Require(), cancellationToken);
        if (invoices.Value is not { } found)
        {
            return FinanceUnavailable(composer);
        }
        var own = found.Items.Where(i => i.Tenant == user.GetTenant()).Select(PortalInvoice.From).ToList();
        return TypedResults.Ok(new Page<PortalInvoice>(own, found.Total, found.Offset, found.Limit));
    }

    public static async Task<Results<Ok<PortalInvoice>, NotFound, ProblemHttpResult>> GetInvoice(
        string id, IFinanceApi finance, ViewComposer composer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var loaded = await composer.LoadAsync(Finance, budget => finance.GetInvoiceAsync(id, budget)!, cancellationToken);
        if (loaded.Value is not { } response)
        {
            return FinanceUnavailable(composer);
        }
        using (response)
        {
            return response.OrNotFound() is { } invoice && invoice.Tenant == user.GetTenant() ? TypedResults.Ok(PortalInvoice.From(invoice)) : TypedResults.NotFound();
        }
    }

    public static async Task<Results<Ok<PortalBalance>, ProblemHttpResult>> GetBalance(
        IFinanceApi finance, ViewComposer composer, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var balances = await composer.LoadAsync(Finance, async budget => (await finance.ListAccountBalancesAsync(null, budget)).Require(), cancellationToken);
        return balances.Value is { } found
            ? TypedResults.Ok(PortalBalance.From(found.Where(b => b.Tenant == user.GetTenant()).ToList(), time.GetUtcNow()))
            : FinanceUnavailable(composer);
    }

    private const string Finance = "finance";

    private static ProblemHttpResult FinanceUnavailable(ViewComposer composer) =>
        ProblemDetailsExtensions.Problem(503, ProblemTypes.UpstreamUnavailable, "Finance unavailable",
            $"Finance did not answer within {composer.PartTimeout.TotalSeconds:0.###} s; invoices and the balance come from finance alone. Retry later.",
            new Dictionary<string, object?> { ["unavailable"] = new[] { Finance } });
}
