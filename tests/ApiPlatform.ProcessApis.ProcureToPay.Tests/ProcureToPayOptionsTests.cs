using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>The business rules come from configuration; a rule that cannot work stops the service at start, naming its key.</summary>
public sealed class ProcureToPayOptionsTests
{
    [Fact]
    public void The_shipped_rules_are_valid()
    {
        Assert.True(new ProcureToPayOptionsValidator().Validate(null, Steps.Rules()).Succeeded);
    }

    [Theory]
    [InlineData("deadline", "Deadline")]
    [InlineData("thresholds", "SecondLevelFrom")]
    [InlineData("one-level", "ProcureToPay:Approval:Levels")]
    [InlineData("no-approver", "ProcureToPay:Approval:Levels")]
    [InlineData("tolerance", "ProcureToPay:Matching")]
    [InlineData("no-exception-approver", "ProcureToPay:ExceptionApprovers")]
    public void A_bad_rule_fails_naming_its_key(string change, string named)
    {
        var rules = Steps.Rules();
        switch (change)
        {
            case "deadline": rules.Approval.Categories["capex"].Deadline = TimeSpan.Zero; break;
            case "thresholds": rules.Approval.Default.SecondLevelFrom = 10m; rules.Approval.Default.AutoApproveBelow = 20m; break;
            case "one-level": rules.Approval.Levels.RemoveAt(1); break;
            case "no-approver": rules.Approval.Levels[0].Approvers.Clear(); break;
            case "tolerance": rules.Matching.PricePercent = -1m; break;
            default: rules.ExceptionApprovers.Clear(); break;
        }

        var result = new ProcureToPayOptionsValidator().Validate(null, rules);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(named, StringComparison.Ordinal));
    }
}
