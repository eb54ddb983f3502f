using System.Security.Claims;

namespace ApiPlatform.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    public const string TenantClaim = "tenant";
    public const string ScopeClaim = "scope";
    public const string ClientIdClaim = "client_id";

    /// <summary>The caller's tenant, or null for internal and service callers that see every tenant.</summary>
    public static string? GetTenant(this ClaimsPrincipal user) =>
        user is CallerPrincipal caller ? caller.Tenant : user.FindFirst(TenantClaim)?.Value;

    public static string? GetClientId(this ClaimsPrincipal user) => user is CallerPrincipal caller ? caller.ClientId : ReadClientId(user);

    /// <summary>
    /// Who acts, for audit records: the token's subject (a signed-in person, or a client acting for itself; the original
    /// caller of an exchanged token), else its client id.
    /// </summary>
    public static string? GetActor(this ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.GetClientId();

    internal static string? ReadClientId(ClaimsPrincipal user) =>
        user.FindFirst(ClientIdClaim)?.Value ?? user.FindFirst("azp")?.Value ?? user.FindFirst("sub")?.Value;

    /// <summary>Whether <paramref name="scope"/> is one of the space-separated values of the caller's scope claims.</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope)
    {
        if (user is CallerPrincipal caller)
        {
            return Array.IndexOf(caller.Scopes, scope) >= 0;
        }

        // On the gateway's request path: compare spans instead of splitting strings.
        foreach (var claim in user.FindAll(ScopeClaim))
        {
            var value = claim.Value.AsSpan();
            foreach (var range in value.Split(' '))
            {
                if (value[range].SequenceEqual(scope))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Whether a record of <paramref name="tenant"/> is visible to this caller.</summary>
    public static bool CanSee(this ClaimsPrincipal user, string tenant) =>
        user.GetTenant() is not { } own || string.Equals(own, tenant, StringComparison.Ordinal);
}
