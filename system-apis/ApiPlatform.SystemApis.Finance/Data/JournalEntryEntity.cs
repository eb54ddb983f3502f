using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>A posted journal entry; an entry made from another system's event keeps that event as its origin, once.</summary>
public sealed class JournalEntryEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public DateOnly PostingDate { get; init; }
    public required string Description { get; init; }
    public required string Currency { get; init; }
    public string? OriginSystem { get; init; }
    public string? OriginId { get; init; }
    public DateTimeOffset PostedAt { get; init; }
    public List<JournalLineEntity> Lines { get; init; } = [];
}

public sealed class JournalLineEntity
{
    public int LineNumber { get; init; }
    public required string AccountCode { get; init; }
    public decimal Debit { get; init; }
    public decimal Credit { get; init; }
    public string? Memo { get; init; }
}
