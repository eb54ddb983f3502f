using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics;

internal sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        var failures = options.Slas
            .Where(sla => sla.Value <= TimeSpan.Zero)
            .Select(sla => $"{AnalyticsOptions.Section}:Slas:{sla.Key} must be a positive time span, not {sla.Value}.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
