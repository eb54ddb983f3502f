namespace ApiPlatform.SystemApis.Finance.Connectors.Embedded;

/// <summary>The price catalog of the embedded billing system.</summary>
internal static class BillingPrices
{
    public static readonly IReadOnlyDictionary<string, (decimal UnitAmount, string Currency, string Interval)> All =
        new Dictionary<string, (decimal, string, string)>
        {
            ["price_platform_pro_monthly"] = (99m, "EUR", "month"),
            ["price_platform_seat_monthly"] = (25m, "EUR", "month"),
            ["price_platform_enterprise_yearly"] = (12_000m, "USD", "year"),
        };
}
