using System.Security.Claims;

namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>
/// A validated caller as kept by <see cref="TokenValidationCache"/>: the same identities, with the client id, tenant and
/// scopes read once when the token was validated, because every request with that token asks for them again.
/// </summary>
internal sealed class CallerPrincipal : ClaimsPrincipal
{
    public CallerPrincipal(ClaimsPrincipal validated)
        : base(validated.Identities)
    {
        ClientId = ClaimsPrincipalExtensions.ReadClientId(validated);
        Tenant = validated.FindFirst(ClaimsPrincipalExtensions.TenantClaim)?.Value;
        Scopes = [.. validated.FindAll(ClaimsPrincipalExtensions.ScopeClaim)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];
    }

    public string? ClientId { get; }
    public string? Tenant { get; }
    public string[] Scopes { get; }
}
