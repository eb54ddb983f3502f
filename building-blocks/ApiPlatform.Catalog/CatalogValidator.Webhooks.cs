using System.Text.RegularExpressions;

namespace ApiPlatform.Catalog;

internal static partial class CatalogValidator
{
    [GeneratedRegex("^/webhooks(/([a-z0-9][a-z0-9-]*|\\{[a-z][a-zA-Z0-9]*\\}))+$")]
    private static partial Regex WebhookPath();

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex WebhookTemplate();

    private static IEnumerable<string> ValidateWebhooks(List<WebhookDefinition> webhooks)
    {
        foreach (var duplicate in webhooks.GroupBy(w => w.Name).Where(g => g.Count() > 1))
        {
            yield return $"webhooks: '{duplicate.Key}' is declared more than once";
        }

        foreach (var duplicate in webhooks.GroupBy(w => WebhookTemplate().Replace(w.Path, "{}")).Where(g => g.Count() > 1))
        {
            yield return $"webhooks: path {duplicate.Key} is declared more than once";
        }

        foreach (var webhook in webhooks)
        {
            var at = $"webhooks[{webhook.Name}]";
            if (!KebabCase().IsMatch(webhook.Name))
            {
                yield return $"{at}.name must be kebab-case";
            }

            if (!WebhookPath().IsMatch(webhook.Path))
            {
                yield return $"{at}.path '{webhook.Path}' must start with /webhooks/ and hold only lower-case segments and {{parameters}}";
            }

            if (webhook.Authentication != WebhookDefinition.SignatureAuthentication)
            {
                yield return $"{at}.authentication '{webhook.Authentication}' is unknown (expected: {WebhookDefinition.SignatureAuthentication})";
            }

            if (webhook.BodyLimitBytes <= 0)
            {
                yield return $"{at}.bodyLimitBytes must be positive";
            }

            if (webhook.RateLimit.Requests <= 0 || webhook.RateLimit.WindowSeconds <= 0 || webhook.RateLimit.Burst < 0)
            {
                yield return $"{at}.rateLimit needs positive requests and windowSeconds and a burst of 0 or more";
            }
        }
    }
}
