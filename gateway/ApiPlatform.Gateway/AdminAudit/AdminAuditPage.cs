using System.Text.Json;

namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>A page of the admin audit, newest first, with the number of entries the filters match.</summary>
internal sealed record AdminAuditPage(AdminAuditEntry[] Items, int Offset, int Limit, int Total);

internal sealed record AdminAuditEntry(
    long Id, DateTimeOffset At, string Actor, string? Client, string Action, string? Api, string Target, string? Reason,
    JsonElement? Details, string? CorrelationId)
{
    public static AdminAuditEntry From(AdminAuditRecord record) => new(
        record.Id, DateTimeOffset.FromUnixTimeMilliseconds(record.AtMs), record.Actor, record.Client, record.Action, record.Api, record.Target,
        record.Reason, record.Details is { } details ? JsonDocument.Parse(details).RootElement.Clone() : null, record.CorrelationId);
}
