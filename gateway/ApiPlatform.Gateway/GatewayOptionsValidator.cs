using ApiPlatform.Catalog;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway;

/// <summary>Every upstream override names an API of the catalog and is an absolute http(s) URL.</summary>
internal sealed class GatewayOptionsValidator(ApiCatalog catalog) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        foreach (var (api, address) in options.Upstreams)
        {
            var key = $"{GatewayOptions.Section}:{nameof(GatewayOptions.Upstreams)}:{api}";
            if (catalog.FindApi(api) is null)
            {
                errors.Add($"'{key}' names no API of the catalog (known: {string.Join(", ", catalog.Apis.Select(a => a.Name))}).");
            }

            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"'{key}' must be an absolute http(s) URL (found '{address}').");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
