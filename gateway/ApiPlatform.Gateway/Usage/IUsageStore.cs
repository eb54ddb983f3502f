namespace ApiPlatform.Gateway.Usage;

/// <summary>Where consumer usage is kept across replicas.</summary>
internal interface IUsageStore
{
    Task AddAsync(IReadOnlyDictionary<UsageKey, UsageCounter> counts, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConsumerUsage>> ReadAsync(string api, int major, CancellationToken cancellationToken);
}
