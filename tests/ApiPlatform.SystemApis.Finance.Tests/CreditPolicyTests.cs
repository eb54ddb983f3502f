using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Credit;

namespace ApiPlatform.SystemApis.Finance.Tests;

public sealed class CreditPolicyTests
{
    [Theory]
    [InlineData(100_000, 40_000, 60_000)]
    [InlineData(100_000, 0, 1)]
    [InlineData(100_000, 99_999.99, 0.01)]
    public void An_amount_within_the_available_credit_is_approved(decimal limit, decimal exposure, decimal requested)
    {
        var (decision, reason) = CreditPolicy.Assess(limit, exposure, requested);

        Assert.Equal(CreditDecision.Approved, decision);
        Assert.Null(reason);
    }

    [Fact]
    public void An_amount_above_the_available_credit_is_declined_with_the_figures()
    {
        var (decision, reason) = CreditPolicy.Assess(100_000m, 40_000m, 60_000.01m);

        Assert.Equal(CreditDecision.Declined, decision);
        Assert.Equal("The requested 60000.01 exceeds the available credit of 60000.00 (limit 100000.00, open exposure 40000.00).", reason);
    }

    [Fact]
    public void An_account_over_its_limit_has_no_credit_available()
    {
        var (decision, reason) = CreditPolicy.Assess(100_000m, 120_000m, 1m);

        Assert.Equal(CreditDecision.Declined, decision);
        Assert.Contains("available credit of 0.00", reason, StringComparison.Ordinal);
    }
}
