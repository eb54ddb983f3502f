using System.Text.Json;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Telemetry;

namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>An admin action to record, with the caller and correlation taken from the request.</summary>
internal sealed record AdminAction(string Action, string? Api, string Target, string? Reason = null, object? Details = null)
{
    public const int MaxReasonLength = 1000;

    public AdminAuditRecord ToRecord(HttpContext context, DateTimeOffset at) => new()
    {
        AtMs = at.ToUnixTimeMilliseconds(),
        Actor = Truncate(context.User.GetActor() ?? "unknown", 200),
        Client = context.User.GetClientId() is { } client ? Truncate(client, 200) : null,
        Action = Action,
        Api = Api,
        Target = Truncate(Target, 300),
        Reason = Reason is null ? null : Truncate(Reason, MaxReasonLength),
        Details = Details is null ? null : JsonSerializer.Serialize(Details, JsonSerializerOptions.Web),
        CorrelationId = Correlation.Get(context) is { } correlation ? Truncate(correlation, 100) : null,
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
