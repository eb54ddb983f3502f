using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Billing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>Billing events recorded in finance, and the sync that pulls new ones from the billing system into the ledger.</summary>
public static class BillingEventsApi
{
    private const int MaxSyncPages = 5;

    public static RouteGroupBuilder MapBillingEvents(this RouteGroupBuilder billing)
    {
        billing.MapGet("/events", List).WithName("listBillingEvents")
            .WithSummary("Billing events recorded in finance, each with the journal entry made from it");
        billing.MapPost("/events/sync", Sync).WithName("syncBillingEvents")
            .WithSummary("Pull the billing system's recent events and record the new ones with their journal entries; a bad answer records nothing")
            .ProducesProblem(502).ProducesProblem(503).ProducesProblem(504);
        return billing;
    }

    public static async Task<Ok<CursorPage<BillingEvent>>> List(
        string tenant, int? limit, string? cursor, [AsParameters] BillingRequest billing, BillingRecorder recorder, CancellationToken cancellationToken)
    {
        var (_, resolved) = billing.For(tenant);
        return TypedResults.Ok(await recorder.ListAsync(resolved, BillingApi.Limit(limit), cursor, cancellationToken));
    }

    public static async Task<Ok<List<BillingEvent>>> Sync(string tenant, [AsParameters] BillingRequest billing, BillingRecorder recorder, CancellationToken cancellationToken)
    {
        var (connector, resolved) = billing.For(tenant);
        var pulled = new List<BillingEvent>();
        string? cursor = null;
        for (var pages = 0; pages < MaxSyncPages; pages++)
        {
            var page = await connector.ListEventsAsync(resolved, 100, cursor, cancellationToken);
            pulled.AddRange(page.Items);
            if ((cursor = page.Next) is null)
            {
                break;
            }
        }
        // Every page was read and checked before anything is recorded.
        var recorded = await recorder.RecordAsync(resolved, pulled, cancellationToken);
        return TypedResults.Ok(recorded.Select(FinanceMapping.ToContract).ToList());
    }
}
