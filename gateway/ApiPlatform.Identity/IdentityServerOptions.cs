using System.ComponentModel.DataAnnotations;
using ApiPlatform.Identity.Clients;
using ApiPlatform.Identity.People;
using ApiPlatform.Identity.SignIn;

namespace ApiPlatform.Identity;

/// <summary>The token server's settings (section <c>Identity</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    [Range(1, 1440)]
    public int AccessTokenLifetimeMinutes { get; set; } = 15;

    public SigningKeyOptions SigningKeys { get; set; } = new();

    /// <summary>Client secrets by client id: <c>Identity:Clients:{clientId}:Secret</c>.</summary>
    public Dictionary<string, ClientSecretOptions> Clients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>People who sign in, by user name: <c>Identity:People:{userName}</c>.</summary>
    public Dictionary<string, PersonOptions> People { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Public clients that sign people in (authorization code + PKCE): <c>Identity:PublicClients:{clientId}</c>.</summary>
    public Dictionary<string, PublicClientOptions> PublicClients { get; set; } = new(StringComparer.Ordinal);

    public SignInOptions SignIn { get; set; } = new();

    public string? SecretOf(string clientId) =>
        Clients.TryGetValue(clientId, out var client) && !string.IsNullOrWhiteSpace(client.Secret) ? client.Secret : null;
}
