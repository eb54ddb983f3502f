namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>Filters (all optional, combined) and a page of the admin audit; <c>to</c> is exclusive.</summary>
internal sealed record AdminAuditQuery(string? Actor, string? Action, string? Api, DateTimeOffset? From, DateTimeOffset? To, int? Offset, int? Limit)
{
    public const int MaxLimit = 500;

    public int Skip => Math.Max(Offset ?? 0, 0);

    public int Take => Math.Clamp(Limit ?? 50, 1, MaxLimit);
}
