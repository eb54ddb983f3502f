using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.Reconciliation;

namespace ApiPlatform.ProcessApis.Reconciliation.Comparison;

/// <summary>
/// Compares one tenant's period as the documents stream in, in this order: sales orders, invoices, payments, billing
/// events, journal entries; then <see cref="Finish"/>. It keeps only the key facts the rules need: the period's
/// uninvoiced orders, its invoices and payments with their postings, and the numbers of older documents.
/// </summary>
public sealed class PeriodComparison(ReconciliationPeriod period)
{
    private readonly Dictionary<string, OrderFacts> uninvoiced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostedDocument> invoices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostedDocument> payments = new(StringComparer.Ordinal);
    private readonly HashSet<string> otherInvoices = new(StringComparer.Ordinal);
    private readonly HashSet<string> otherPayments = new(StringComparer.Ordinal);
    private readonly HashSet<string> billingSources = new(StringComparer.Ordinal);
    private readonly List<Finding> findings = [];

    public long DocumentsCompared { get; private set; }

    public void AddSalesOrder(SalesOrder order)
    {
        if (!period.Contains(order.CreatedAt) || order.Status == SalesOrderStatus.Cancelled)
        {
            return;
        }
        DocumentsCompared++;
        uninvoiced[order.Id] = new OrderFacts(order.Id, order.Number, order.Total);
    }

    public void AddInvoice(Invoice invoice)
    {
        if (period.Contains(invoice.IssuedAt))
        {
            DocumentsCompared++;
            invoices[invoice.Number] = new PostedDocument(invoice.Id, invoice.Number, invoice.Total);
        }
        else
        {
            otherInvoices.Add(invoice.Number);
        }

        if (invoice.Status != InvoiceStatus.Void && invoice.SalesOrderId is { } orderId && uninvoiced.Remove(orderId, out var order))
        {
            if (Rules.CompareOrderWithInvoice(order, invoice) is { } finding)
            {
                findings.Add(finding);
            }
        }
    }

    public void AddPayment(Payment payment)
    {
        if (!period.Contains(payment.ReceivedAt))
        {
            otherPayments.Add(payment.Reference);
            return;
        }
        DocumentsCompared++;
        payments[payment.Reference] = new PostedDocument(payment.Id, payment.Reference, payment.Amount);
        if (Rules.UnappliedPayment(payment) is { } finding)
        {
            findings.Add(finding);
        }
    }

    public void AddBillingEvent(BillingEvent billingEvent)
    {
        billingSources.Add(billingEvent.Source.ExternalId);
        if (period.Contains(billingEvent.OccurredAt))
        {
            DocumentsCompared++;
        }
    }

    public void AddJournalEntry(JournalEntry entry)
    {
        DocumentsCompared++;
        var source = LedgerSource.Of(entry);
        var posting = new Posting(entry.Id, entry.Number, new Money(entry.Lines.Sum(l => l.Debit.Amount), entry.Currency));
        var sourced = source.Kind switch
        {
            LedgerSourceKind.Invoice => Post(invoices, otherInvoices, source.Key!, posting),
            LedgerSourceKind.Payment => Post(payments, otherPayments, source.Key!, posting),
            LedgerSourceKind.BillingEvent => billingSources.Contains(source.Key!),
            LedgerSourceKind.OtherDocument => true,
            _ => false,
        };
        if (!sourced)
        {
            findings.Add(Rules.Unsourced(entry, source));
        }
    }

    /// <summary>The findings of the whole period; call once, after every document was added.</summary>
    public IReadOnlyList<Finding> Finish()
    {
        findings.AddRange(uninvoiced.Values.OrderBy(o => o.Number, StringComparer.Ordinal).Select(Rules.OrderWithoutInvoice));
        foreach (var invoice in invoices.Values.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            findings.AddRange(Rules.InvoicePostings(invoice));
        }
        foreach (var payment in payments.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Rules.DuplicatePostings(payment, Documents.Payment(payment.Id), "payment") is { } duplicate)
            {
                findings.Add(duplicate);
            }
        }
        return findings;
    }

    private static bool Post(Dictionary<string, PostedDocument> documents, HashSet<string> others, string key, Posting posting)
    {
        if (documents.TryGetValue(key, out var document))
        {
            document.Postings.Add(posting);
            return true;
        }
        return others.Contains(key);
    }

    internal static string Amount(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + money.Currency;
}

/// <summary>What the rules need of a sales order.</summary>
public sealed record OrderFacts(string Id, string Number, Money Total);

/// <summary>An invoice or payment of the period (by number or bank reference) and the journal entries posted from it.</summary>
public sealed record PostedDocument(string Id, string Key, Money Amount)
{
    public List<Posting> Postings { get; } = [];
}

public sealed record Posting(string EntryId, string EntryNumber, Money Debits);
