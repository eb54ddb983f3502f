namespace ApiPlatform.Gateway.Slo;

/// <summary>Where per-consumer, per-minute SLO counts are kept across replicas, for <see cref="ConsumerTrafficWindow.Retention"/>.</summary>
internal interface IConsumerSloStore
{
    Task AddAsync(IReadOnlyDictionary<ConsumerSloKey, SloCounter> counts, CancellationToken cancellationToken);

    /// <summary>One API version's counts per consumer and minute in minutes [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyDictionary<ConsumerSloKey, SloCounter>> ReadAsync(string api, int major, long from, long to, CancellationToken cancellationToken);
}
