using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.ServiceDefaults.Data;

public static class TenantQueryExtensions
{
    /// <summary>Only the caller's tenant's records; callers without a tenant claim (internal, service) see all.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, ClaimsPrincipal user) where T : class, ITenantOwned =>
        user.GetTenant() is { } tenant ? records.Where(r => r.Tenant == tenant) : records;
}
