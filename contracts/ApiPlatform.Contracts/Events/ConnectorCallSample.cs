namespace ApiPlatform.Contracts.Events;

/// <summary>
/// A connector's calls in one window. <see cref="LatencyBuckets"/> has one count per bound of
/// <see cref="LatencyBoundsMs"/> (calls at most that long) and a last one for slower calls.
/// </summary>
public sealed record ConnectorCallSample(string Connector, long Calls, IReadOnlyList<ConnectorFailureCount> Failures, IReadOnlyList<long> LatencyBuckets)
{
    public static readonly IReadOnlyList<double> LatencyBoundsMs = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];
}
