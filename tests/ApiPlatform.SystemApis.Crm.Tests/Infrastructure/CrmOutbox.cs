using ApiPlatform.Messaging.Outbox;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

/// <summary>The integration events crm wrote to its outbox, read from its own database.</summary>
internal static class CrmOutbox
{
    public static async Task<List<string>> TypesForAsync(CrmPlatform platform, string subject)
    {
        using var scope = platform.Platform.Services("crm").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Set<OutboxMessage>().Where(m => m.Subject == subject).Select(m => m.Type).ToListAsync();
    }
}
