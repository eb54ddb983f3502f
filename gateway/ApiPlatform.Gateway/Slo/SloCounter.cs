namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// Requests of an API version answered through the gateway: how many, how many with a server error (5xx), and how many
/// took at most each of <see cref="LatencyBoundsMs"/> (a last count for slower ones).
/// </summary>
internal sealed class SloCounter
{
    public static readonly int[] LatencyBoundsMs = [5, 10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000];

    private readonly long[] buckets = new long[LatencyBoundsMs.Length + 1];
    private long requests;
    private long serverErrors;

    public long Requests => Interlocked.Read(ref requests);

    public long ServerErrors => Interlocked.Read(ref serverErrors);

    public long Bucket(int index) => Interlocked.Read(ref buckets[index]);

    public static int BucketOf(double milliseconds)
    {
        var index = 0;
        while (index < LatencyBoundsMs.Length && milliseconds > LatencyBoundsMs[index])
        {
            index++;
        }
        return index;
    }

    public void Record(bool serverError, double milliseconds) => Add(1, serverError ? 1 : 0, BucketOf(milliseconds), 1);

    public void Add(long requestCount, long errorCount, int bucket, long bucketCount)
    {
        Interlocked.Add(ref requests, requestCount);
        Interlocked.Add(ref serverErrors, errorCount);
        Interlocked.Add(ref buckets[bucket], bucketCount);
    }

    public void Add(SloCounter other)
    {
        Interlocked.Add(ref requests, other.Requests);
        Interlocked.Add(ref serverErrors, other.ServerErrors);
        for (var i = 0; i < buckets.Length; i++)
        {
            Interlocked.Add(ref buckets[i], other.Bucket(i));
        }
    }

    /// <summary>The share of requests that were not server errors, in percent to four places; null without requests.</summary>
    public double? AvailabilityPercent()
    {
        var total = Requests;
        return total == 0 ? null : Math.Round(100.0 * (total - ServerErrors) / total, 4);
    }

    /// <summary>The upper bound of the bucket holding the p99 by nearest rank; the last bound for the slowest; null without requests.</summary>
    public int? P99Ms()
    {
        var total = Requests;
        if (total == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(0.99 * total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += Bucket(i);
            if (seen >= rank)
            {
                return LatencyBoundsMs[Math.Min(i, LatencyBoundsMs.Length - 1)];
            }
        }
        return LatencyBoundsMs[^1];
    }
}
