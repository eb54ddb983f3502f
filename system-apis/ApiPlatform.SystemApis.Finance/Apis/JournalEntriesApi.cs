using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
        PostJournalEntryRequest request, [AsParameters] FinanceRequest finance, GeneralLedger ledger, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        var entry = await ledger.PostAsync(request.Tenant, request.PostingDate, request.Description, request.Currency,
            request.Lines.Select(l => (l.AccountCode, l.Debit?.Amount ?? 0m, l.Credit?.Amount ?? 0m, l.Memo)).ToList(), null, cancellationToken);
        await finance.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/journal-entries/{entry.Id}", FinanceMapping.ToContract(entry));
    }

    public static async Task<Ok<Page<JournalEntry>>> List(
        [AsParameters] PageRequest page, string? period, string? originSystem, [FromQuery] string? tenant, [AsParameters] FinanceRequest finance,
        CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant);
        var query = finance.Db.JournalEntries.AsNoTracking().Where(e => (resolved == null || e.Tenant == resolved) && (originSystem == null || e.OriginSystem == originSystem));
        if (Period.TryParse(period, out var first, out var last))
        {
            query = query.Where(e => e.PostingDate >= first && e.PostingDate <= last);
        }
        return TypedResults.Ok(await query.OrderBy(e => e.Number).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<JournalEntry>, NotFound>> Get(string id, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await finance.Db.JournalEntries.AsNoTracking().VisibleTo(finance.User).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } entry
            ? TypedResults.Ok(FinanceMapping.ToContract(entry))
            : TypedResults.NotFound();

    public static async Task<Ok<List<LedgerAccount>>> ListAccounts([AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        TypedResults.Ok((await finance.Db.LedgerAccounts.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken))
            .ConvertAll(a => new LedgerAccount(a.Code, a.Name, a.Type)));
}
