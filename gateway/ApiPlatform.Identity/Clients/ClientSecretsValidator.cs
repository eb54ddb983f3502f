using Microsoft.Extensions.Options;

namespace ApiPlatform.Identity.Clients;

/// <summary>Fails start when a client this environment accepts has no secret, naming the missing key.</summary>
internal sealed class ClientSecretsValidator(ClientRegistry clients) : IValidateOptions<IdentityServerOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityServerOptions options)
    {
        var missing = clients.Allowed
            .Where(c => options.SecretOf(c.ClientId) is null)
            .Select(c => $"Configuration '{IdentityServerOptions.Section}:Clients:{c.ClientId}:Secret' is required: client '{c.ClientId}' is declared in consumers.yaml.")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
