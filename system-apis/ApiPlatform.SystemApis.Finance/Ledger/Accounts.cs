namespace ApiPlatform.SystemApis.Finance.Ledger;

/// <summary>The ledger accounts the embedded finance system posts its own documents to.</summary>
public static class Accounts
{
    public const string Bank = "1000";
    public const string Receivables = "1100";
    public const string InputTax = "1400";
    public const string Payables = "2000";
    public const string SalesTax = "2100";
    public const string ProductRevenue = "4000";
    public const string SubscriptionRevenue = "4100";
    public const string Credits = "4900";
    public const string Expenses = "6000";
}
