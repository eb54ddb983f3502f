using System.Net;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Forwarding;

internal sealed class TrustedProxiesValidator : IValidateOptions<TrustedProxiesOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxiesOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Addresses.Count; i++)
        {
            if (!IPAddress.TryParse(options.Addresses[i], out _))
            {
                failures.Add($"{TrustedProxiesOptions.Section}:Addresses:{i} ('{options.Addresses[i]}') is not an IP address.");
            }
        }
        for (var i = 0; i < options.Networks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.Networks[i], out _))
            {
                failures.Add($"{TrustedProxiesOptions.Section}:Networks:{i} ('{options.Networks[i]}') is not a network in CIDR notation.");
            }
        }
        if (options.ForwardLimit is < 1 or > 10)
        {
            failures.Add($"{TrustedProxiesOptions.Section}:ForwardLimit must be between 1 and 10.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
