using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

/// <summary>Refuses to start with rules that cannot work: a policy that needs a level nobody can approve, negative tolerances.</summary>
public sealed class ProcureToPayOptionsValidator : IValidateOptions<ProcureToPayOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcureToPayOptions options)
    {
        var errors = new List<string>();
        foreach (var (category, policy) in options.Approval.Categories.Append(new("default", options.Approval.Default)))
        {
            if (policy.AutoApproveBelow < 0 || policy.SecondLevelFrom < policy.AutoApproveBelow)
            {
                errors.Add($"ProcureToPay:Approval ({category}): AutoApproveBelow must be ≥ 0 and SecondLevelFrom ≥ AutoApproveBelow.");
            }
            if (policy.Deadline < TimeSpan.FromSeconds(1) || policy.Deadline > TimeSpan.FromDays(90))
            {
                errors.Add($"ProcureToPay:Approval ({category}): Deadline must be between 1 second and 90 days.");
            }
        }
        if (options.Approval.Levels.Any(l => string.IsNullOrWhiteSpace(l.Name) || l.Approvers.Count == 0))
        {
            errors.Add("ProcureToPay:Approval:Levels: each level needs a Name and at least one approver client id.");
        }
        if (options.Approval.Levels.Count != 2)
        {
            errors.Add("ProcureToPay:Approval:Levels: configure two levels (first and second approvers); a policy decides how many a requisition needs.");
        }
        if (options.Matching.Quantity < 0 || options.Matching.PricePercent < 0 || options.Matching.Total < 0)
        {
            errors.Add("ProcureToPay:Matching: tolerances cannot be negative.");
        }
        if (options.ExceptionApprovers.Count == 0)
        {
            errors.Add("ProcureToPay:ExceptionApprovers: at least one client id must be allowed to accept a mismatching invoice.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
