using ApiPlatform.Gateway.Data;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.Gateway.AdminAudit;

internal static class AdminAuditExtensions
{
    /// <summary>
    /// The durable admin audit in the gateway's own database (<c>ConnectionStrings:gateway</c>; SQLite under
    /// <c>Database:DataDirectory</c> by default, PostgreSQL with <c>Database:Provider=postgres</c>).
    /// </summary>
    public static void AddGatewayAdminAudit(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GatewayDbContext>("gateway");
        builder.Services.AddScoped<AdminAuditLog>();
    }
}
