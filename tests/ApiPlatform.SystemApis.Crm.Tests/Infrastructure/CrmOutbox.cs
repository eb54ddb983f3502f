using System.Text.Json;
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

    /// <summary>The <c>data</c> of each event about <paramref name="subject"/>, by its type, in the order written.</summary>
    public static async Task<List<(string Type, JsonElement Data)>> EventsForAsync(SystemApiPlatform platform, string subject)
    {
        using var scope = platform.Platform.Services("crm").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var messages = await db.Set<OutboxMessage>().Where(m => m.Subject == subject).OrderBy(m => m.Sequence).ToListAsync();
        return messages.ConvertAll(m => (m.Type, JsonDocument.Parse(m.Envelope).RootElement.GetProperty("data").Clone()));
    }
}
