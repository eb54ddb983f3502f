using ApiPlatform.Contracts;
using ApiPlatform.ProcessApis.Reconciliation.Comparison;
using static ApiPlatform.ProcessApis.Reconciliation.Tests.Docs;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

public sealed class LedgerSourceTests
{
    [Theory]
    [InlineData("Invoice INV-2026-000123", LedgerSourceKind.Invoice, "INV-2026-000123")]
    [InlineData("Payment RF 1002 from acc-acme-002", LedgerSourceKind.Payment, "RF 1002")]
    [InlineData("Payment RF-7 of supplier invoice SI-3", LedgerSourceKind.OtherDocument, null)]
    [InlineData("Supplier invoice SI-3 of sup-1", LedgerSourceKind.OtherDocument, null)]
    [InlineData("Void of invoice INV-1: duplicate", LedgerSourceKind.OtherDocument, null)]
    [InlineData("Credit note CN-1 on invoice INV-1", LedgerSourceKind.OtherDocument, null)]
    [InlineData("Opening balances", LedgerSourceKind.OtherDocument, null)]
    [InlineData("Invoice INV-1 corrected by hand", LedgerSourceKind.None, null)]
    [InlineData("Accrual", LedgerSourceKind.None, null)]
    public void Reads_the_source_document_from_finance_s_posting_descriptions(string description, LedgerSourceKind kind, string? key)
    {
        var source = LedgerSource.Of(Entry("e1", description, 10));

        Assert.Equal(new LedgerSource(kind, key), source);
    }

    [Fact]
    public void An_entry_with_an_origin_comes_from_that_billing_event()
    {
        Assert.Equal(new LedgerSource(LedgerSourceKind.BillingEvent, "evt_1"),
            LedgerSource.Of(Entry("e1", "Invoice INV-1", 10, origin: new SourceReference("stripe", "evt_1"))));
    }
}
