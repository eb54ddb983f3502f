namespace ApiPlatform.Identity.Clients;

/// <summary>
/// A public client that signs people in with the authorization code flow and PKCE (<c>Identity:PublicClients:{clientId}</c>),
/// such as a console under the gateway. Redirect URIs are matched exactly.
/// </summary>
public sealed class PublicClientOptions
{
    public string? DisplayName { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
