namespace ApiPlatform.Gateway.Slo;

/// <summary>Where per-minute SLO counts are kept across replicas.</summary>
internal interface ISloStore
{
    Task AddAsync(IReadOnlyDictionary<SloKey, SloCounter> counts, CancellationToken cancellationToken);

    /// <summary>The sum of one API version's counts in minutes [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<SloCounter> ReadAsync(string api, int major, long from, long to, CancellationToken cancellationToken);
}
