namespace ApiPlatform.Contracts.Crm;

/// <summary>A customer account; <c>ParentAccountId</c> places it in its corporate hierarchy.</summary>
public sealed record Account(
    string Id,
    string Tenant,
    string Name,
    string? ParentAccountId,
    string Country,
    string Currency,
    SourceReference Source,
    string? Industry = null,
    DateTimeOffset? UpdatedAt = null);
