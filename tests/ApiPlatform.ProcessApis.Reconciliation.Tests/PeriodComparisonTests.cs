using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Comparison;
using static ApiPlatform.ProcessApis.Reconciliation.Tests.Docs;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

public sealed class PeriodComparisonTests
{
    private static readonly ReconciliationPeriod November = ReconciliationPeriod.Parse("2026-11");

    /// <summary>One period's documents, and the exceptions (kind and document key) the rules must find in them, no more.</summary>
    public sealed record Case(
        string Name, SalesOrder[] Orders, Invoice[] Invoices, Payment[] Payments, JournalEntry[] Entries, (ExceptionKind Kind, string Key)[] Expected,
        BillingEvent[]? BillingEvents = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new("clean: order, invoice and its posting agree",
            [Order("o1", 100)], [Invoice("i1", "o1", 100, tax: 19)], [], [Entry("e1", "Invoice INV-i1", 119)], []),
        new("an order without an invoice",
            [Order("o1", 100)], [], [], [], [(ExceptionKind.OrderWithoutInvoice, "sales-order:o1")]),
        new("a cancelled order needs no invoice; an order of another period is not compared",
            [Order("o1", 100, status: SalesOrderStatus.Cancelled), Order("o2", 50, at: Before)], [], [], [], []),
        new("a void invoice does not bill its order",
            [Order("o1", 100)], [Invoice("i1", "o1", 100, status: InvoiceStatus.Void)], [], [Entry("e1", "Invoice INV-i1", 100)],
            [(ExceptionKind.OrderWithoutInvoice, "sales-order:o1")]),
        new("an invoice without its journal entry",
            [Order("o1", 100)], [Invoice("i1", "o1", 100)], [], [], [(ExceptionKind.InvoiceWithoutJournalEntry, "invoice:i1")]),
        new("an invoice's subtotal differs from its order's total",
            [Order("o1", 100)], [Invoice("i1", "o1", 90)], [], [Entry("e1", "Invoice INV-i1", 90)],
            [(ExceptionKind.AmountMismatch, "sales-order:o1|invoice:i1")]),
        new("an invoice in another currency than its order",
            [Order("o1", 100, "EUR")], [Invoice("i1", "o1", 100, "USD")], [], [Entry("e1", "Invoice INV-i1", 100, "USD")],
            [(ExceptionKind.CurrencyMismatch, "sales-order:o1|invoice:i1")]),
        new("a posting that debits another amount than the invoice total",
            [], [Invoice("i1", null, 100)], [], [Entry("e1", "Invoice INV-i1", 99)], [(ExceptionKind.AmountMismatch, "invoice:i1|journal-entry:e1")]),
        new("a posting in another currency than the invoice",
            [], [Invoice("i1", null, 100)], [], [Entry("e1", "Invoice INV-i1", 100, "USD")], [(ExceptionKind.CurrencyMismatch, "invoice:i1|journal-entry:e1")]),
        new("a payment not applied to any invoice",
            [], [], [Payment("p1", "RF-1", 50, unapplied: 50)], [Entry("e1", "Payment RF-1 from acc-1", 50)],
            [(ExceptionKind.PaymentNotApplied, "payment:p1")]),
        new("an invoice posted twice",
            [], [Invoice("i1", null, 100)], [], [Entry("e1", "Invoice INV-i1", 100), Entry("e2", "Invoice INV-i1", 100)],
            [(ExceptionKind.DuplicatePosting, "invoice:i1")]),
        new("a payment posted twice",
            [], [], [Payment("p1", "RF-1", 50)], [Entry("e1", "Payment RF-1 from acc-1", 50), Entry("e2", "Payment RF-1 from acc-1", 50)],
            [(ExceptionKind.DuplicatePosting, "payment:p1")]),
        new("a manual entry with no source document",
            [], [], [], [Entry("e1", "Year-end adjustment", 10)], [(ExceptionKind.JournalEntryWithoutSource, "journal-entry:e1")]),
        new("an entry naming an invoice finance does not have",
            [], [], [], [Entry("e1", "Invoice INV-nope", 10)], [(ExceptionKind.JournalEntryWithoutSource, "journal-entry:e1")]),
        new("an entry from a billing event finance has not recorded",
            [], [], [], [Entry("e1", "stripe InvoicePaid evt_2", 10, origin: new SourceReference("stripe", "evt_2"))],
            [(ExceptionKind.JournalEntryWithoutSource, "journal-entry:e1")], [BillingEvent("evt_1")]),
        new("entries of recorded billing events, older invoices, voids, credit notes and payables have sources",
            [], [Invoice("i0", null, 10, at: Before)], [],
            [
                Entry("e1", "stripe InvoicePaid evt_1", 10, origin: new SourceReference("stripe", "evt_1")),
                Entry("e2", "Invoice INV-i0", 10),
                Entry("e3", "Void of invoice INV-i0: wrong customer", 10),
                Entry("e4", "Credit note CN-1 on invoice INV-i0", 10),
                Entry("e5", "Supplier invoice SI-9 of sup-1", 10),
                Entry("e6", "Payment RF-9 of supplier invoice SI-9", 10),
            ],
            [], [BillingEvent("evt_1")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_each_discrepancy_once_as_its_own_kind(Case @case)
    {
        var comparison = new PeriodComparison(November);
        Array.ForEach(@case.Orders, comparison.AddSalesOrder);
        Array.ForEach(@case.Invoices, comparison.AddInvoice);
        Array.ForEach(@case.Payments, comparison.AddPayment);
        Array.ForEach(@case.BillingEvents ?? [], comparison.AddBillingEvent);
        Array.ForEach(@case.Entries, comparison.AddJournalEntry);

        var found = comparison.Finish().Select(f => (f.Kind, f.DocumentKey)).Order().ToList();

        Assert.Equal(@case.Expected.Order().ToList(), found);
    }

    [Fact]
    public void The_same_documents_give_the_same_identity_and_fingerprint_and_changed_data_another_fingerprint()
    {
        var first = Rules.CompareOrderWithInvoice(new OrderFacts("o1", "SO-1", new Money(100, "EUR")), Invoice("i1", "o1", 90))!;
        var again = Rules.CompareOrderWithInvoice(new OrderFacts("o1", "SO-1", new Money(100, "EUR")), Invoice("i1", "o1", 90))!;
        var changed = Rules.CompareOrderWithInvoice(new OrderFacts("o1", "SO-1", new Money(100, "EUR")), Invoice("i1", "o1", 80))!;

        Assert.Equal(first.IdFor("acme"), again.IdFor("acme"));
        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.Equal(first.IdFor("acme"), changed.IdFor("acme"));
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
        Assert.NotEqual(first.IdFor("acme"), first.IdFor("globex"));
    }

    [Fact]
    public void Counts_the_documents_of_the_period_it_compared()
    {
        var comparison = new PeriodComparison(November);
        comparison.AddSalesOrder(Order("o1", 100));
        comparison.AddSalesOrder(Order("o2", 100, at: Before));
        comparison.AddInvoice(Invoice("i1", "o1", 100));
        comparison.AddJournalEntry(Entry("e1", "Invoice INV-i1", 100));

        Assert.Empty(comparison.Finish());
        Assert.Equal(3, comparison.DocumentsCompared);
    }
}
