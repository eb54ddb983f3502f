namespace ApiPlatform.Identity.Tokens;

/// <summary>Claims the platform adds to access tokens, beside the standard <c>sub</c>, <c>client_id</c>, <c>scope</c> and <c>aud</c>.</summary>
public static class TokenClaims
{
    /// <summary>The partner's tenant; absent for internal and service subjects.</summary>
    public const string Tenant = "tenant";

    /// <summary>The subject's client kind: <c>partner</c>, <c>internal</c> or <c>service</c>.</summary>
    public const string ClientKind = "client_kind";

    /// <summary>The subject's plan, for rate limits.</summary>
    public const string Plan = "plan";

    /// <summary>RFC 8693 §4.1 actor: <c>{"sub": "..."}</c>, nesting earlier actors (OpenIddict's <c>Claims.Actor</c> is not this claim).</summary>
    public const string Actor = "act";
}
