using Microsoft.Extensions.Options;

namespace ApiPlatform.VendorConnectors.Routing;

/// <summary>Fails the start when a tenant names a connector this API does not have, naming the configuration key.</summary>
internal sealed class ConnectorRoutingValidator(string section, IReadOnlyCollection<string> kinds) : IValidateOptions<ConnectorRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorRoutingOptions options)
    {
        if (name != section)
        {
            return ValidateOptionsResult.Skip;
        }

        var expected = string.Join(", ", kinds);
        var failures = options.Connectors
            .Where(c => !kinds.Contains(c.Value))
            .Select(c => $"Configuration '{section}:Connectors:{c.Key}' is '{c.Value}'; expected one of {expected}.")
            .ToList();
        if (!kinds.Contains(options.DefaultConnector))
        {
            failures.Add($"Configuration '{section}:DefaultConnector' is '{options.DefaultConnector}'; expected one of {expected}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
