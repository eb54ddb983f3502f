using ApiPlatform.Identity.Clients;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Identity.People;

/// <summary>
/// Fails start, naming the key, on a person the token server must not accept: an unknown role, a partner user without a
/// partner client for their tenant, a missing or malformed hash, or, outside Development, a seed person or a plain password.
/// </summary>
internal sealed class PeopleValidator(ClientRegistry clients, IHostEnvironment environment) : IValidateOptions<IdentityServerOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityServerOptions options)
    {
        var errors = new List<string>();
        foreach (var (userName, person) in options.People)
        {
            var key = $"{IdentityServerOptions.Section}:People:{userName}";
            if (person.DevelopmentOnly && !environment.IsDevelopment())
            {
                errors.Add($"Configuration '{key}' is a Development seed person (DevelopmentOnly): refused in the {environment.EnvironmentName} environment.");
                continue;
            }
            if (!PersonRoles.All.Contains(person.Role, StringComparer.Ordinal))
            {
                errors.Add($"Configuration '{key}:Role' must be one of {string.Join(", ", PersonRoles.All)}.");
            }
            else if (person.Role == PersonRoles.PartnerUser && clients.PartnerOf(person.Tenant) is null)
            {
                errors.Add($"Configuration '{key}:Tenant' must name the tenant of a partner client declared in consumers.yaml.");
            }
            else if (person.Role != PersonRoles.PartnerUser && person.Tenant is not null)
            {
                errors.Add($"Configuration '{key}:Tenant' is for partner users only.");
            }
            if (person.Password is not null && !environment.IsDevelopment())
            {
                errors.Add($"Configuration '{key}:Password' is a plain password, accepted in Development only: set '{key}:PasswordHash'.");
            }
            else if ((person.Password is null) == (person.PasswordHash is null))
            {
                errors.Add($"Configuration '{key}:PasswordHash' is required (or, in Development only, '{key}:Password').");
            }
            else if (person.PasswordHash is { } hash && !PasswordHashFormat.IsValid(hash))
            {
                errors.Add($"Configuration '{key}:PasswordHash' is not an ASP.NET Core Identity v3 (PBKDF2) password hash.");
            }
            if (clients.Find(userName) is not null || options.PublicClients.ContainsKey(userName))
            {
                errors.Add($"Configuration '{key}' has the name of a client: people and clients are both token subjects, so their names must differ.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
