namespace ApiPlatform.ExperienceApis.Analytics.Apis;

internal static class Percentiles
{
    /// <summary>p50 and p95 by nearest rank.</summary>
    public static Duration Of(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new Duration(0, null, null) : new Duration(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95));
    }

    private static long Rank(long[] sorted, double percentile) => sorted[Math.Max((int)Math.Ceiling(percentile * sorted.Length) - 1, 0)];
}
