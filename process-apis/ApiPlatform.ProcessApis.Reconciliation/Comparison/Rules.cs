using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.Reconciliation;
using static ApiPlatform.ProcessApis.Reconciliation.Comparison.PeriodComparison;

namespace ApiPlatform.ProcessApis.Reconciliation.Comparison;

/// <summary>The reconciliation rules, each a pure function of the documents it compares.</summary>
public static class Rules
{
    /// <summary>An order's net total against its invoice's subtotal (before tax): the currency first, then the amount.</summary>
    public static Finding? CompareOrderWithInvoice(OrderFacts order, Invoice invoice)
    {
        var key = $"sales-order:{order.Id}|invoice:{invoice.Id}";
        IReadOnlyList<DocumentReference> documents = [Documents.SalesOrder(order.Id), Documents.Invoice(invoice.Id)];
        var compared = $"{Amount(order.Total)}|{Amount(invoice.Subtotal)}";
        if (order.Total.Currency != invoice.Subtotal.Currency)
        {
            return new Finding(ExceptionKind.CurrencyMismatch, key, documents,
                $"Sales order {order.Number} is in {order.Total.Currency}; its invoice {invoice.Number} is in {invoice.Subtotal.Currency}.", compared, order.Total);
        }
        return order.Total.Amount == invoice.Subtotal.Amount ? null : new Finding(ExceptionKind.AmountMismatch, key, documents,
            $"Sales order {order.Number} totals {Amount(order.Total)} net; its invoice {invoice.Number} {Amount(invoice.Subtotal)} before tax.", compared,
            Difference(order.Total, invoice.Subtotal));
    }

    public static Finding OrderWithoutInvoice(OrderFacts order) => new(
        ExceptionKind.OrderWithoutInvoice, $"sales-order:{order.Id}", [Documents.SalesOrder(order.Id)],
        $"Sales order {order.Number} ({Amount(order.Total)}) has no invoice.", Amount(order.Total), order.Total);

    public static Finding? UnappliedPayment(Payment payment) => payment.Unapplied.Amount <= 0 ? null : new Finding(
        ExceptionKind.PaymentNotApplied, $"payment:{payment.Id}", [Documents.Payment(payment.Id)],
        $"Payment {payment.Reference} from {payment.AccountId} has {Amount(payment.Unapplied)} of {Amount(payment.Amount)} not applied to any invoice.",
        $"{Amount(payment.Amount)}|{Amount(payment.Unapplied)}", payment.Unapplied);

    public static Finding Unsourced(JournalEntry entry, LedgerSource source) => new(
        ExceptionKind.JournalEntryWithoutSource, $"journal-entry:{entry.Id}", [Documents.JournalEntry(entry.Id)],
        source.Kind switch
        {
            LedgerSourceKind.Invoice => $"Journal entry {entry.Number} posts invoice {source.Key}, which finance does not have.",
            LedgerSourceKind.Payment => $"Journal entry {entry.Number} posts payment {source.Key}, which finance does not have.",
            LedgerSourceKind.BillingEvent => $"Journal entry {entry.Number} comes from billing event {source.Key}, which finance has not recorded.",
            _ => $"Journal entry {entry.Number} ('{entry.Description}') names no source document.",
        },
        $"{entry.Description}|{entry.Currency}|{string.Join(';', entry.Lines.Select(l => $"{l.AccountCode}:{l.Debit.Amount}:{l.Credit.Amount}"))}",
        new Money(entry.Lines.Sum(l => l.Debit.Amount), entry.Currency));

    /// <summary>An invoice of the period is posted exactly once, for its total, in its currency.</summary>
    public static IEnumerable<Finding> InvoicePostings(PostedDocument invoice)
    {
        var reference = Documents.Invoice(invoice.Id);
        if (invoice.Postings.Count == 0)
        {
            yield return new Finding(ExceptionKind.InvoiceWithoutJournalEntry, $"invoice:{invoice.Id}", [reference],
                $"Invoice {invoice.Key} ({Amount(invoice.Amount)}) has no journal entry in the ledger.", Amount(invoice.Amount), invoice.Amount);
            yield break;
        }
        if (DuplicatePostings(invoice, reference, "invoice") is { } duplicate)
        {
            yield return duplicate;
            yield break;
        }

        var posting = invoice.Postings[0];
        var key = $"invoice:{invoice.Id}|journal-entry:{posting.EntryId}";
        IReadOnlyList<DocumentReference> documents = [reference, Documents.JournalEntry(posting.EntryId)];
        var compared = $"{Amount(invoice.Amount)}|{Amount(posting.Debits)}";
        if (posting.Debits.Currency != invoice.Amount.Currency)
        {
            yield return new Finding(ExceptionKind.CurrencyMismatch, key, documents,
                $"Invoice {invoice.Key} is in {invoice.Amount.Currency}; journal entry {posting.EntryNumber} in {posting.Debits.Currency}.", compared, invoice.Amount);
        }
        else if (posting.Debits.Amount != invoice.Amount.Amount)
        {
            yield return new Finding(ExceptionKind.AmountMismatch, key, documents,
                $"Invoice {invoice.Key} totals {Amount(invoice.Amount)}; journal entry {posting.EntryNumber} debits {Amount(posting.Debits)}.", compared,
                Difference(invoice.Amount, posting.Debits));
        }
    }

    public static Finding? DuplicatePostings(PostedDocument document, DocumentReference reference, string what)
    {
        if (document.Postings.Count < 2)
        {
            return null;
        }
        var postings = document.Postings.OrderBy(p => p.EntryNumber, StringComparer.Ordinal).ToList();
        return new Finding(ExceptionKind.DuplicatePosting, $"{reference.Type}:{document.Id}",
            [reference, .. postings.Select(p => Documents.JournalEntry(p.EntryId))],
            $"The {what} {document.Key} is posted {postings.Count} times: {string.Join(", ", postings.Select(p => p.EntryNumber))}.",
            string.Join('|', postings.Select(p => $"{p.EntryId}:{Amount(p.Debits)}")),
            // What is posted beyond the one posting the document should have.
            document.Amount with { Amount = document.Amount.Amount * (postings.Count - 1) });
    }

    private static Money Difference(Money expected, Money actual) => expected with { Amount = Math.Abs(expected.Amount - actual.Amount) };
}
