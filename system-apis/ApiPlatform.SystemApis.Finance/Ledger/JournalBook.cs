using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Ledger;

/// <summary>The journal of the general ledger as callers post to it and read it: manual entries (held to the ledger's rules), entries by period and origin, the chart of accounts.</summary>
public sealed class JournalBook(FinanceDbContext db, GeneralLedger ledger)
{
    public async Task<JournalEntry> PostAsync(PostJournalEntryRequest request, CancellationToken cancellationToken)
    {
        var entry = await ledger.PostAsync(request.Tenant, request.PostingDate, request.Description, request.Currency,
            request.Lines.Select(l => (l.AccountCode, l.Debit?.Amount ?? 0m, l.Credit?.Amount ?? 0m, l.Memo)).ToList(), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return FinanceMapping.ToContract(entry);
    }

    /// <summary>
    /// The entries of <paramref name="tenant"/> (every tenant when null), of <paramref name="period"/> (yyyy-MM) when it is
    /// one, and made from <paramref name="originSystem"/> when given.
    /// </summary>
    public Task<Page<JournalEntry>> ListAsync(string? tenant, string? period, string? originSystem, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.JournalEntries.AsNoTracking().Where(e => (tenant == null || e.Tenant == tenant) && (originSystem == null || e.OriginSystem == originSystem));
        if (Period.TryParse(period, out var first, out var last))
        {
            query = query.Where(e => e.PostingDate >= first && e.PostingDate <= last);
        }
        return query.OrderBy(e => e.Number).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken);
    }

    public async Task<JournalEntry?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.JournalEntries.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } entry
            ? FinanceMapping.ToContract(entry)
            : null;

    /// <summary>Debit and credit totals per ledger account of <paramref name="tenant"/> in <paramref name="currency"/>, from the start of the year to <paramref name="last"/>.</summary>
    public async Task<TrialBalance> TrialBalanceAsync(string tenant, string period, DateOnly last, string currency, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(last.Year, 1, 1);
        var entries = await db.JournalEntries.AsNoTracking()
            .Where(e => e.Tenant == tenant && e.Currency == currency && e.PostingDate >= yearStart && e.PostingDate <= last).ToListAsync(cancellationToken);
        var accounts = await db.LedgerAccounts.AsNoTracking().ToDictionaryAsync(a => a.Code, cancellationToken);
        var lines = entries.SelectMany(e => e.Lines).GroupBy(l => l.AccountCode).OrderBy(g => g.Key).Select(g =>
        {
            var debit = g.Sum(l => l.Debit);
            var credit = g.Sum(l => l.Credit);
            var account = accounts[g.Key];
            return new TrialBalanceLine(g.Key, account.Name, account.Type, new Money(debit, currency), new Money(credit, currency), new Money(debit - credit, currency));
        }).ToList();
        var totalDebit = lines.Sum(l => l.Debit.Amount);
        var totalCredit = lines.Sum(l => l.Credit.Amount);
        return new TrialBalance(tenant, period, currency, lines, new Money(totalDebit, currency), new Money(totalCredit, currency), totalDebit == totalCredit);
    }

    public async Task<List<LedgerAccount>> AccountsAsync(CancellationToken cancellationToken) =>
        (await db.LedgerAccounts.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken)).ConvertAll(a => new LedgerAccount(a.Code, a.Name, a.Type));
}
