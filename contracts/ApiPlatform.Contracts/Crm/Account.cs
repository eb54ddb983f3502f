namespace ApiPlatform.Contracts.Crm;

public sealed record Account(
    string Id,
    string Tenant,
    string Name,
    string? ParentAccountId,
    string Country,
    string Currency,
    SourceReference Source);
