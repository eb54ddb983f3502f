using System.Text.RegularExpressions;

namespace ApiPlatform.Catalog;

internal static partial class CatalogValidator
{
    private static readonly string[] Tiers = ["system", "process", "experience"];
    private static readonly string[] Statuses = ["draft", "active", "deprecated", "retired"];
    private static readonly string[] IdempotencyModes = ["none", "optional", "required"];
    private static readonly string[] ConsumerKinds = ["partner", "internal", "service"];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    public static IEnumerable<string> ValidateApi(ApiDefinition api, string fileName)
    {
        if (string.IsNullOrWhiteSpace(api.Name))
        {
            yield return "name is required";
        }
        else if (!KebabCase().IsMatch(api.Name))
        {
            yield return $"name '{api.Name}' must be kebab-case";
        }
        else if (api.Name != fileName)
        {
            yield return $"name '{api.Name}' must match the file name '{fileName}'";
        }

        foreach (var (field, value) in new[] { ("title", api.Title), ("description", api.Description), ("owner.team", api.Owner.Team), ("owner.contact", api.Owner.Contact) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{field} is required";
            }
        }

        if (!Tiers.Contains(api.Tier))
        {
            yield return $"tier '{api.Tier}' is unknown (expected one of: {string.Join(", ", Tiers)})";
        }

        if (!Uri.TryCreate(api.Upstream, UriKind.Absolute, out _))
        {
            yield return $"upstream '{api.Upstream}' must be an absolute URL";
        }

        if (!api.Scopes.Contains(api.Scope))
        {
            yield return $"scopes must include '{api.Scope}'";
        }

        if (api.Slo.Availability is <= 0 or > 100)
        {
            yield return "slo.availability must be a percentage above 0 and at most 100";
        }

        if (api.Slo.LatencyP99Ms <= 0)
        {
            yield return "slo.latencyP99Ms must be positive";
        }

        foreach (var error in ValidateVersions(api.Versions))
        {
            yield return error;
        }

        foreach (var error in ValidatePolicies(api.Policies))
        {
            yield return error;
        }

        foreach (var error in ValidateWebhooks(api.Webhooks))
        {
            yield return error;
        }
    }

    private static IEnumerable<string> ValidateVersions(List<ApiVersionDefinition> versions)
    {
        if (versions.Count == 0)
        {
            yield return "versions must list at least one version";
        }

        foreach (var duplicate in versions.GroupBy(v => v.Major).Where(g => g.Count() > 1))
        {
            yield return $"versions: v{duplicate.Key} is declared more than once";
        }

        foreach (var version in versions)
        {
            var at = $"versions[v{version.Major}]";
            if (version.Major < 1)
            {
                yield return $"{at}.major must be 1 or more";
            }

            if (!Statuses.Contains(version.Status))
            {
                yield return $"{at}.status '{version.Status}' is unknown (expected one of: {string.Join(", ", Statuses)})";
            }

            if (version.Status is "deprecated" or "retired" && version.DeprecatedAt is null)
            {
                yield return $"{at}.deprecatedAt is required when the status is {version.Status}";
            }

            if (version.SunsetAt is { } sunset && version.DeprecatedAt is { } deprecated && sunset < deprecated)
            {
                yield return $"{at}.sunsetAt ({sunset:O}) is before deprecatedAt ({deprecated:O})";
            }

            if (version.Successor is { } successor && !versions.Any(v => v.Major == successor && successor > version.Major))
            {
                yield return $"{at}.successor v{successor} does not exist as a later version";
            }
        }
    }

    private static IEnumerable<string> ValidatePolicies(ApiPolicies policies)
    {
        if (!IdempotencyModes.Contains(policies.Idempotency))
        {
            yield return $"policies.idempotency '{policies.Idempotency}' is unknown (expected one of: {string.Join(", ", IdempotencyModes)})";
        }

        if (policies.BodyLimitBytes <= 0)
        {
            yield return "policies.bodyLimitBytes must be positive";
        }

        if (policies.TimeoutSeconds <= 0)
        {
            yield return "policies.timeoutSeconds must be positive";
        }

        foreach (var (plan, limit) in policies.PlanOverrides)
        {
            if (limit.Requests <= 0 || limit.WindowSeconds <= 0 || limit.Burst < 0)
            {
                yield return $"policies.planOverrides.{plan} needs positive requests and windowSeconds and a burst of 0 or more";
            }
        }
    }

    public static IEnumerable<string> ValidateCatalog(List<ApiDefinition> apis, List<ConsumerDefinition> consumers)
    {
        foreach (var shared in apis.SelectMany(a => a.Webhooks.Select(w => (Api: a.Name, Template: WebhookTemplate().Replace(w.Path, "{}"))))
            .GroupBy(w => w.Template).Where(g => g.Select(w => w.Api).Distinct().Count() > 1))
        {
            yield return $"apis: webhook path {shared.Key} is declared by {string.Join(" and ", shared.Select(w => w.Api).Distinct())}";
        }

        foreach (var duplicate in apis.GroupBy(a => a.Name).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            yield return $"apis: '{duplicate.Key}' is declared more than once";
        }

        foreach (var duplicate in consumers.GroupBy(c => c.ClientId).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            yield return $"consumers.yaml: clientId '{duplicate.Key}' is declared more than once";
        }

        var apiNames = apis.Select(a => a.Name).ToHashSet();
        foreach (var consumer in consumers)
        {
            var at = $"consumers.yaml: consumer '{consumer.ClientId}'";
            if (string.IsNullOrWhiteSpace(consumer.ClientId))
            {
                yield return "consumers.yaml: a consumer has no clientId";
            }

            if (!ConsumerKinds.Contains(consumer.Kind))
            {
                yield return $"{at}: kind '{consumer.Kind}' is unknown (expected one of: {string.Join(", ", ConsumerKinds)})";
            }

            if (consumer.Kind == "partner" && string.IsNullOrWhiteSpace(consumer.Tenant))
            {
                yield return $"{at}: tenant is required for a partner";
            }

            if (consumer.Kind != "partner" && consumer.Tenant is not null)
            {
                yield return $"{at}: tenant is only allowed for partners";
            }

            if (string.IsNullOrWhiteSpace(consumer.Plan))
            {
                yield return $"{at}: plan is required";
            }

            foreach (var unknown in consumer.Subscriptions.Where(s => !apiNames.Contains(s)))
            {
                yield return $"{at}: subscriptions names unknown api '{unknown}'";
            }
        }
    }
}
