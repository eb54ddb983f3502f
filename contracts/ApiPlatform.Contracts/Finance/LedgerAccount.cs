namespace ApiPlatform.Contracts.Finance;

/// <summary>An account of the chart of accounts; <c>Type</c> is asset, liability, equity, revenue or expense.</summary>
public sealed record LedgerAccount(string Code, string Name, string Type);
