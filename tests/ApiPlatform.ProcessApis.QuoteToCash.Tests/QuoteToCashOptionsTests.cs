using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash.Tests;

/// <summary>The business rules come from configuration and a bad one stops the service at start, naming its key.</summary>
public sealed class QuoteToCashOptionsTests
{
    [Fact]
    public void The_shipped_rules_are_valid()
    {
        var rules = Bind(new Dictionary<string, string?>
        {
            ["QuoteToCash:Approval:Deadline"] = "2.00:00:00",
            ["QuoteToCash:Approval:AlwaysAbove:EUR"] = "250000",
            ["QuoteToCash:Approval:Approvers:0"] = "finance-app",
            ["QuoteToCash:SubscriptionPrices:SVC-SUPPORT-Y1"] = "price_platform_enterprise_yearly",
            ["QuoteToCash:Tenants:globex:DisabledSteps:0"] = "crm-contract",
        });

        Assert.Equal(TimeSpan.FromDays(2), rules.Approval.Deadline);
        Assert.False(rules.Uses("globex", OrderSteps.CrmContract));
        Assert.True(rules.Uses("acme", OrderSteps.CrmContract));
    }

    [Theory]
    [InlineData("QuoteToCash:Approval:Deadline", "00:00:00", "QuoteToCash:Approval:Deadline")]
    [InlineData("QuoteToCash:Approval:AlwaysAbove:euro", "1000", "QuoteToCash:Approval:AlwaysAbove:euro")]
    [InlineData("QuoteToCash:Approval:AlwaysAbove:EUR", "-1", "QuoteToCash:Approval:AlwaysAbove:EUR")]
    [InlineData("QuoteToCash:Tenants:acme:DisabledSteps:0", "credit-check", "QuoteToCash:Tenants:acme:DisabledSteps")]
    [InlineData("QuoteToCash:PaymentTermsDays", "400", "PaymentTermsDays")]
    public void A_bad_rule_fails_at_start_naming_its_key(string key, string value, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(failure.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    private static QuoteToCashOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOptions<QuoteToCashOptions>().BindConfiguration(QuoteToCashOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<QuoteToCashOptions>, QuoteToCashOptionsValidator>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<QuoteToCashOptions>>().Value;
    }
}
