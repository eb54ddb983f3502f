using System.Text.RegularExpressions;
using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.ProcessApis.Reconciliation.Comparison;

public enum LedgerSourceKind
{
    /// <summary>No origin and a description that names no document of finance.</summary>
    None,
    Invoice,
    Payment,
    BillingEvent,
    /// <summary>A posting finance makes for a document this comparison does not cover (void, credit note, payables, opening balances).</summary>
    OtherDocument,
}

/// <summary>
/// Which document a journal entry was posted from. Finance records an origin only for billing events; its own postings
/// name their document in the description (<c>Invoice {number}</c>, <c>Payment {reference} from {account}</c>, ...).
/// </summary>
public sealed partial record LedgerSource(LedgerSourceKind Kind, string? Key)
{
    public static LedgerSource Of(JournalEntry entry)
    {
        if (entry.Origin is { } origin)
        {
            return new(LedgerSourceKind.BillingEvent, origin.ExternalId);
        }
        var description = entry.Description.Trim();
        if (InvoicePosting().Match(description) is { Success: true } invoice)
        {
            return new(LedgerSourceKind.Invoice, invoice.Groups["number"].Value);
        }
        if (SupplierPosting().IsMatch(description))
        {
            return new(LedgerSourceKind.OtherDocument, null);
        }
        if (PaymentPosting().Match(description) is { Success: true } payment)
        {
            return new(LedgerSourceKind.Payment, payment.Groups["reference"].Value);
        }
        return AdjustmentPosting().IsMatch(description) ? new(LedgerSourceKind.OtherDocument, null) : new(LedgerSourceKind.None, null);
    }

    [GeneratedRegex(@"^Invoice (?<number>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex InvoicePosting();

    [GeneratedRegex(@"^Payment (?<reference>.+) from (?<account>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentPosting();

    [GeneratedRegex(@"^(Supplier invoice .+ of \S+|Payment .+ of supplier invoice .+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SupplierPosting();

    [GeneratedRegex(@"^(Void of invoice \S+: .*|Credit note \S+ on invoice \S+|Opening balances)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AdjustmentPosting();
}
