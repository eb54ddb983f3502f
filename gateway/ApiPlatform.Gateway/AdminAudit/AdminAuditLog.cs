using ApiPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>Writes admin actions to the gateway's database and reads them back, newest first, filtered and paged.</summary>
internal sealed class AdminAuditLog(GatewayDbContext db, TimeProvider time, ILogger<AdminAuditLog> logger)
{
    public async Task RecordAsync(HttpContext context, AdminAction action, CancellationToken cancellationToken)
    {
        var record = action.ToRecord(context, time.GetUtcNow());
        db.AdminAudit.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Admin audit: {Actor} ({Client}) {Action} {Target} ({CorrelationId})",
            record.Actor, record.Client, record.Action, record.Target, record.CorrelationId);
    }

    public async Task<AdminAuditPage> QueryAsync(AdminAuditQuery query, CancellationToken cancellationToken)
    {
        var records = db.AdminAudit.AsNoTracking();
        records = query.Actor is { } actor ? records.Where(r => r.Actor == actor) : records;
        records = query.Action is { } name ? records.Where(r => r.Action == name) : records;
        records = query.Api is { } api ? records.Where(r => r.Api == api) : records;
        if (query.From is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            records = records.Where(r => r.AtMs >= fromMs);
        }
        if (query.To is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            records = records.Where(r => r.AtMs < toMs);
        }
        var total = await records.CountAsync(cancellationToken);
        var page = await records.OrderByDescending(r => r.AtMs).ThenByDescending(r => r.Id)
            .Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new AdminAuditPage([.. page.Select(AdminAuditEntry.From)], query.Skip, query.Take, total);
    }
}
