using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Ledger;

/// <summary>
/// The double-entry general ledger: an entry's debits equal its credits (else 422), on accounts of the chart, in one
/// currency. Postings are added to the caller's unit of work and saved with the business change that made them.
/// </summary>
public sealed class GeneralLedger(FinanceDbContext db, TimeProvider time)
{
    public async Task<JournalEntryEntity> PostAsync(
        string tenant, DateOnly postingDate, string description, string currency, IReadOnlyList<(string Account, decimal Debit, decimal Credit, string? Memo)> lines,
        (string System, string Id)? origin, CancellationToken cancellationToken)
    {
        lines = lines.Where(l => l.Debit != 0 || l.Credit != 0).ToList();
        var debits = lines.Sum(l => l.Debit);
        var credits = lines.Sum(l => l.Credit);
        if (debits != credits)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Unbalanced journal entry",
                $"Debits of {debits:0.00} and credits of {credits:0.00} {currency} differ by {Math.Abs(debits - credits):0.00}.");
        }

        var codes = lines.Select(l => l.Account).Distinct().ToList();
        var known = await db.LedgerAccounts.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        if (codes.Except(known).ToList() is { Count: > 0 } unknown)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Unknown ledger account", $"The chart of accounts has no {string.Join(", ", unknown)}.");
        }

        var id = Guid.NewGuid().ToString("N");
        var entry = new JournalEntryEntity
        {
            Id = $"je-{id}", Tenant = tenant, Number = $"JE-{postingDate:yyyyMM}-{id[..10].ToUpperInvariant()}", PostingDate = postingDate,
            Description = description, Currency = currency, OriginSystem = origin?.System, OriginId = origin?.Id, PostedAt = time.GetUtcNow(),
            Lines = lines.Select((l, i) => new JournalLineEntity { LineNumber = i + 1, AccountCode = l.Account, Debit = l.Debit, Credit = l.Credit, Memo = l.Memo }).ToList(),
        };
        db.JournalEntries.Add(entry);
        return entry;
    }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
