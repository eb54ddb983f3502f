using ApiPlatform.Catalog;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway;

/// <summary>
/// Every upstream override names an API of the catalog and holds absolute http(s) URLs; every plan is positive and
/// every plan a consumer, the catalog or the default names is defined.
/// </summary>
internal sealed class GatewayOptionsValidator(ApiCatalog catalog) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        foreach (var (api, addresses) in options.Upstreams)
        {
            var key = $"{GatewayOptions.Section}:{nameof(GatewayOptions.Upstreams)}:{api}";
            if (catalog.FindApi(api) is null)
            {
                errors.Add($"'{key}' names no API of the catalog (known: {string.Join(", ", catalog.Apis.Select(a => a.Name))}).");
            }

            foreach (var address in addresses.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    errors.Add($"'{key}' must be an absolute http(s) URL or a comma-separated list of them (found '{address}').");
                }
            }
        }

        foreach (var (plan, limit) in options.Plans)
        {
            if (limit.Requests <= 0 || limit.WindowSeconds <= 0 || limit.Burst < 0)
            {
                errors.Add($"'{GatewayOptions.Section}:Plans:{plan}' needs positive Requests and WindowSeconds and a Burst of 0 or more.");
            }
        }

        var named = catalog.Consumers.Select(c => (c.Plan, $"consumer '{c.ClientId}' in consumers.yaml"))
            .Append((options.DefaultPlan, $"'{GatewayOptions.Section}:{nameof(GatewayOptions.DefaultPlan)}'"));
        foreach (var (plan, by) in named.Where(n => !options.Plans.ContainsKey(n.Item1)))
        {
            errors.Add($"Plan '{plan}' of {by} is not defined under '{GatewayOptions.Section}:Plans' (defined: {string.Join(", ", options.Plans.Keys)}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
