using ApiPlatform.Contracts.Events;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

internal static class LatencyPercentile
{
    /// <summary>
    /// The upper bound of the bucket holding the percentile's nearest rank; the last bound when it falls among the
    /// slowest calls (longer than every bound). Null without calls.
    /// </summary>
    public static double? Of(long[] buckets, double percentile)
    {
        var total = buckets.Sum();
        if (total == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(percentile * total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return ConnectorCallSample.LatencyBoundsMs[Math.Min(i, ConnectorCallSample.LatencyBoundsMs.Count - 1)];
            }
        }
        return ConnectorCallSample.LatencyBoundsMs[^1];
    }
}
