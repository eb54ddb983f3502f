using System.Globalization;

namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>A reconciliation period: one calendar month in UTC, written <c>yyyy-MM</c>.</summary>
public readonly record struct ReconciliationPeriod(int Year, int Month)
{
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset End => Start.AddMonths(1);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public override string ToString() => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool IsValid(string? value) => TryParse(value, out _);

    public static bool TryParse(string? value, out ReconciliationPeriod period)
    {
        period = default;
        if (value is not { Length: 7 }
            || !DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || month.Year < 2000)
        {
            return false;
        }
        period = new ReconciliationPeriod(month.Year, month.Month);
        return true;
    }

    public static ReconciliationPeriod Parse(string value) =>
        TryParse(value, out var period) ? period : throw new FormatException($"'{value}' is not a period written yyyy-MM.");

    public static ReconciliationPeriod Of(DateTimeOffset instant) => new(instant.UtcDateTime.Year, instant.UtcDateTime.Month);

    public ReconciliationPeriod Previous() => Of(Start.AddMonths(-1));
}
