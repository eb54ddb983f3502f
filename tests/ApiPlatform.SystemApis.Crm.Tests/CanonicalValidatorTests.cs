using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>The canonical crm requests are validated before any CRM sees them.</summary>
public sealed class CanonicalValidatorTests
{
    [Fact]
    public void An_account_needs_iso_country_and_currency_codes_and_a_lower_case_tenant()
    {
        var result = new CreateAccountRequestValidator().Validate(new CreateAccountRequest("ACME", "ACME", null, "Germany", "euro", null));

        Assert.Equal(["Tenant", "Country", "Currency"], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public void Every_quote_line_is_priced_in_the_quote_currency()
    {
        var request = new CreateQuoteRequest("acme", "acc-acme-001", null, "EUR", 0.19m, null,
            [new QuoteLineRequest("SPARE-KIT", "Spare parts kit", 1, new Money(120m, "USD"), 0)]);

        var result = new CreateQuoteRequestValidator().Validate(request);

        Assert.Contains(result.Errors, e => e.PropertyName == "Lines" && e.ErrorMessage.Contains("quote currency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 101, "Lines[0].DiscountPercent")]
    [InlineData(-1, 10, "Lines[0].Quantity")]
    public void Quote_lines_keep_quantities_and_discounts_in_range(decimal quantity, decimal discount, string field)
    {
        var request = new CreateQuoteRequest("acme", "acc-acme-001", null, "EUR", 0.19m, null,
            [new QuoteLineRequest("SPARE-KIT", "Spare parts kit", quantity == 0 ? 1 : quantity, new Money(120m, "EUR"), discount)]);

        Assert.Contains(new CreateQuoteRequestValidator().Validate(request).Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void A_valid_contact_passes()
    {
        var result = new CreateContactRequestValidator().Validate(new CreateContactRequest("acme", "acc-acme-001", "Katrin", "Vogel", "k.vogel@acme.example", null, null));

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
    }
}
