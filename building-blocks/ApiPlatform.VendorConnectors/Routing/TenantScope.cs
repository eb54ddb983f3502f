using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.VendorConnectors.Routing;

/// <summary>
/// The tenant a request is about: a partner's own (from its token), else the one an internal caller names. A partner
/// naming another tenant is refused; null means "every tenant of the default connector".
/// </summary>
public static class TenantScope
{
    public static string? Resolve(ClaimsPrincipal user, string? requested)
    {
        var own = user.GetTenant();
        if (own is null)
        {
            return string.IsNullOrWhiteSpace(requested) ? null : requested;
        }

        return requested is null || requested == own
            ? own
            : throw new ProblemException(403, ProblemTypes.Forbidden, "Foreign tenant", "A caller may use only its own tenant.");
    }
}
