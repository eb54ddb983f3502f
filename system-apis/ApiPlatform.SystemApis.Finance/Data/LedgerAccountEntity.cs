namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>An account of the chart of accounts, shared by every tenant's ledger.</summary>
public sealed class LedgerAccountEntity
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
}
