using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>Where tokens come from (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The token server's own address, for discovery, JWKS and the token endpoint (e.g. http://identity:8080).</summary>
    [Required, Url]
    public string Authority { get; set; } = "";

    /// <summary>The public issuer written into tokens: the gateway's public URL. Defaults to <see cref="Authority"/>.</summary>
    [Url]
    public string? Issuer { get; set; }

    /// <summary>Allowed clock skew; the platform never allows more than 30 seconds.</summary>
    [Range(0, 30)]
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>This service's own client, for calls to other tiers (client credentials and token exchange).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// Plain http to the token server outside Development: for a cluster whose ingress ends TLS (or whose mesh encrypts
    /// pod-to-pod traffic). Off by default; Development always allows it for loopback.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    public bool PlainHttpAllowed(IHostEnvironment environment) => AllowPlainHttp || environment.IsDevelopment();

    /// <summary>The issuer as written in tokens (normalized, with the trailing slash of a root URL).</summary>
    public string GetEffectiveIssuer() => new Uri(Issuer ?? Authority).AbsoluteUri;

    /// <summary>The token server's base address, ending in a slash so relative endpoint paths resolve below it.</summary>
    public Uri GetAuthorityUri() => new(Authority.TrimEnd('/') + "/");
}
