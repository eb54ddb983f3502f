using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>The shape of the canonical finance requests; balance and business rules are the ledger's (422), not the validator's.</summary>
public sealed class CanonicalValidatorTests
{
    [Fact]
    public void A_journal_line_has_a_debit_or_a_credit_never_both_nor_neither()
    {
        var request = new PostJournalEntryRequest("acme", new DateOnly(2026, 11, 27), "Test", "EUR",
        [
            new JournalLineRequest("6000", new Money(10m, "EUR"), new Money(10m, "EUR"), null),
            new JournalLineRequest("1000", null, null, null),
            new JournalLineRequest("100", null, new Money(10m, "EUR"), null),
        ]);

        var errors = new PostJournalEntryRequestValidator().Validate(request).Errors.Select(e => e.PropertyName).ToList();

        Assert.Contains("Lines[0].Debit", errors);
        Assert.Contains("Lines[1].Debit", errors);
        Assert.Contains("Lines[2].AccountCode", errors);
    }

    [Fact]
    public void An_unbalanced_but_well_formed_entry_passes_validation_and_is_left_to_the_ledger()
    {
        var request = new PostJournalEntryRequest("acme", new DateOnly(2026, 11, 27), "Test", "EUR",
            [new JournalLineRequest("6000", new Money(10m, "EUR"), null, null), new JournalLineRequest("1000", null, new Money(9m, "EUR"), null)]);

        Assert.True(new PostJournalEntryRequestValidator().Validate(request).IsValid);
    }

    [Fact]
    public void A_payment_names_a_known_method_and_positive_money()
    {
        var result = new RecordPaymentRequestValidator().Validate(new RecordPaymentRequest("acme", "acc-acme-001", new Money(-5m, "EUR"), "bitcoin", "REF-1", null));

        Assert.Equal(["Amount", "Method"], result.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public void Tax_needs_a_ship_to_address_with_an_iso_country()
    {
        var request = new TaxCalculationRequest(new Address("1 Main St", null, "Springfield", "00000", null, "USA"), "USD", [new TaxCalculationLine(1, "STANDARD", new Money(1m, "USD"))]);

        Assert.Contains(new TaxCalculationRequestValidator().Validate(request).Errors, e => e.PropertyName == "ShipTo.Country");
    }
}
