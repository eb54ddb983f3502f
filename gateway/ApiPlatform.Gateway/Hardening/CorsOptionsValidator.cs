using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>Each allowed origin is a scheme, host and optional port, never a wildcard or a path.</summary>
internal sealed class CorsOptionsValidator : IValidateOptions<GatewayCorsOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayCorsOptions options)
    {
        var errors = options.AllowedOrigins
            .Where(origin => origin.Contains('*', StringComparison.Ordinal)
                || !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
            .Select(origin => $"'{GatewayCorsOptions.Section}:AllowedOrigins' holds '{origin}': each entry must be an exact origin such as https://portal.example.com, never a wildcard.")
            .ToList();
        if (options.PreflightMaxAgeSeconds is < 0 or > 86_400)
        {
            errors.Add($"'{GatewayCorsOptions.Section}:PreflightMaxAgeSeconds' must be between 0 and 86400.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
