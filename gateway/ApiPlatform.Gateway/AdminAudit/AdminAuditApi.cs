using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.Gateway.AdminAudit;

internal static class AdminAuditApi
{
    /// <summary><c>GET /admin/audit</c> (platform:admin): every recorded admin action, newest first, filtered and paged.</summary>
    public static RouteHandlerBuilder MapAdminAuditApi(this RouteGroupBuilder admin) =>
        admin.MapGet("/audit", ListAudit).WithName("AdminListAudit").RequireAuthorization(PlatformPolicies.Admin);

    public static async Task<Ok<AdminAuditPage>> ListAudit([AsParameters] AdminAuditQuery query, AdminAuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.QueryAsync(query, cancellationToken));
}
