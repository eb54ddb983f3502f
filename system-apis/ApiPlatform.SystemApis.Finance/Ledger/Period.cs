using System.Globalization;

namespace ApiPlatform.SystemApis.Finance.Ledger;

/// <summary>An accounting period written <c>yyyy-MM</c>: its first and last day.</summary>
public static class Period
{
    public static bool TryParse(string? value, out DateOnly first, out DateOnly last)
    {
        if (value is not null && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            last = first.AddMonths(1).AddDays(-1);
            return true;
        }
        first = last = default;
        return false;
    }
}
