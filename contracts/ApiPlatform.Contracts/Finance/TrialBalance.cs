namespace ApiPlatform.Contracts.Finance;

/// <summary>Debit and credit totals per ledger account for one period (<c>yyyy-MM</c>).</summary>
public sealed record TrialBalance(
    string Tenant,
    string Period,
    string Currency,
    IReadOnlyList<TrialBalanceLine> Lines,
    Money TotalDebit,
    Money TotalCredit,
    bool Balanced);

public sealed record TrialBalanceLine(string AccountCode, string AccountName, string AccountType, Money Debit, Money Credit, Money Balance);
