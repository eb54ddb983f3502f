using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class JournalEntriesApi
{
    public static RouteGroupBuilder MapJournalEntriesApi(this RouteGroupBuilder v1)
    {
        var entries = v1.MapGroup("/journal-entries").WithTags("General ledger");
        entries.MapPost("/", Post).WithValidation<PostJournalEntryRequest>().WithName("postJournalEntry")
            .WithSummary("Post a double-entry journal entry; debits must equal credits (else 422) on accounts of the chart").ProducesProblem(403).ProducesProblem(422);
        entries.MapGet("/", List).WithName("listJournalEntries").WithSummary("List journal entries of a period (yyyy-MM), optionally those made from one source system");
        entries.MapGet("/{id}", Get).WithName("getJournalEntry").WithSummary("Get one journal entry with its lines and origin").ProducesProblem(404);
        v1.MapGet("/ledger/accounts", ListAccounts).WithTags("General ledger").WithName("listLedgerAccounts").WithSummary("The chart of accounts");
        return entries;
    }

    public static async Task<Created<JournalEntry>> Post(
        PostJournalEntryRequest request, JournalBook journal, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        var entry = await journal.PostAsync(request, cancellationToken);
        return TypedResults.Created($"/v1/journal-entries/{entry.Id}", entry);
    }

    public static async Task<Ok<Page<JournalEntry>>> List(
        [AsParameters] PageRequest page, string? period, string? originSystem, [FromQuery] string? tenant, JournalBook journal, [AsParameters] FinanceRequest finance,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await journal.ListAsync(TenantScope.Resolve(finance.User, tenant), period, originSystem, page, cancellationToken));

    public static async Task<Results<Ok<JournalEntry>, NotFound>> Get(string id, JournalBook journal, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await journal.GetAsync(finance.User, id, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound();

    public static async Task<Ok<List<LedgerAccount>>> ListAccounts(JournalBook journal, CancellationToken cancellationToken) =>
        TypedResults.Ok(await journal.AccountsAsync(cancellationToken));
}
