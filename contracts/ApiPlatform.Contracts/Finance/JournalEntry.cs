namespace ApiPlatform.Contracts.Finance;

/// <summary>
/// A posted double-entry journal entry: its debits equal its credits. <c>Origin</c> traces an entry made from
/// another system's event (e.g. a Stripe invoice.paid) back to that event.
/// </summary>
public sealed record JournalEntry(
    string Id,
    string Tenant,
    string Number,
    DateOnly PostingDate,
    string Description,
    string Currency,
    IReadOnlyList<JournalLine> Lines,
    SourceReference? Origin,
    DateTimeOffset PostedAt,
    SourceReference Source);

public sealed record JournalLine(int LineNumber, string AccountCode, Money Debit, Money Credit, string? Memo);
