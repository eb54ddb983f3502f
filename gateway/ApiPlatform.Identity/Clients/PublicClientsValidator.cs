using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Identity.Clients;

/// <summary>
/// Fails start on a public client whose redirect URIs could send a code elsewhere: each must be an absolute URI without
/// wildcard or fragment, over https unless plain http is allowed (Development, or <c>Auth:AllowPlainHttp</c>).
/// </summary>
internal sealed class PublicClientsValidator(ClientRegistry clients, IOptions<AuthOptions> auth, IHostEnvironment environment)
    : IValidateOptions<IdentityServerOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityServerOptions options)
    {
        var plainHttp = auth.Value.PlainHttpAllowed(environment);
        var errors = new List<string>();
        foreach (var (clientId, client) in options.PublicClients)
        {
            var key = $"{IdentityServerOptions.Section}:PublicClients:{clientId}";
            if (clients.Find(clientId) is not null || options.Clients.ContainsKey(clientId))
            {
                errors.Add($"Configuration '{key}' names a confidential client of consumers.yaml.");
            }
            if (client.RedirectUris.Count == 0)
            {
                errors.Add($"Configuration '{key}:RedirectUris' needs at least one URI.");
            }
            foreach (var (uri, index) in client.RedirectUris.Select((uri, index) => (uri, index)))
            {
                errors.AddRange(Check($"{key}:RedirectUris:{index}", uri, plainHttp));
            }
            foreach (var (uri, index) in client.PostLogoutRedirectUris.Select((uri, index) => (uri, index)))
            {
                errors.AddRange(Check($"{key}:PostLogoutRedirectUris:{index}", uri, plainHttp));
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Check(string key, string value, bool plainHttp)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || value.Contains('*', StringComparison.Ordinal))
        {
            yield return $"Configuration '{key}' must be an absolute http(s) URI without wildcards.";
        }
        else if (uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return $"Configuration '{key}' must not have a fragment or user info.";
        }
        else if (uri.Scheme == "http" && !plainHttp)
        {
            yield return $"Configuration '{key}' must use https outside Development (or set Auth:AllowPlainHttp when TLS ends at the ingress).";
        }
    }
}
