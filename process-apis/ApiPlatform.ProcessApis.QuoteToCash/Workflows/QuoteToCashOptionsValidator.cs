using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>Checks the business rules at start; each failure names its configuration key.</summary>
public sealed class QuoteToCashOptionsValidator : IValidateOptions<QuoteToCashOptions>
{
    public ValidateOptionsResult Validate(string? name, QuoteToCashOptions options)
    {
        var failures = new List<string>();
        const string section = QuoteToCashOptions.Section;
        if (options.Approval.Deadline < TimeSpan.FromSeconds(1) || options.Approval.Deadline > TimeSpan.FromDays(90))
        {
            failures.Add($"{section}:Approval:Deadline must be between 00:00:01 and 90.00:00:00 (found {options.Approval.Deadline}).");
        }
        foreach (var (currency, amount) in options.Approval.AlwaysAbove)
        {
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper) || amount <= 0)
            {
                failures.Add($"{section}:Approval:AlwaysAbove:{currency} must be a positive amount under an ISO 4217 code such as EUR.");
            }
        }
        if (options.Approval.Approvers.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{section}:Approval:Approvers must list client ids; an empty entry was found.");
        }
        foreach (var (sku, price) in options.SubscriptionPrices)
        {
            if (string.IsNullOrWhiteSpace(price))
            {
                failures.Add($"{section}:SubscriptionPrices:{sku} must name the billing system's price id.");
            }
        }
        foreach (var (tenant, process) in options.Tenants)
        {
            foreach (var step in process.DisabledSteps.Where(s => !OrderSteps.Optional.Contains(s, StringComparer.Ordinal)))
            {
                failures.Add($"{section}:Tenants:{tenant}:DisabledSteps names '{step}'; only {string.Join(", ", OrderSteps.Optional)} can be switched off.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
