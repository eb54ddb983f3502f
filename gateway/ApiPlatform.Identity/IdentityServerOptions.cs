using System.ComponentModel.DataAnnotations;

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

    public string? SecretOf(string clientId) =>
        Clients.TryGetValue(clientId, out var client) && !string.IsNullOrWhiteSpace(client.Secret) ? client.Secret : null;
}
