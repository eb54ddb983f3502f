namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>One connector's calls in one replica's health sample (<c>{system}.connector.health-sampled.v1</c>).</summary>
public sealed class ConnectorSampleEntity
{
    /// <summary>The event id and the connector.</summary>
    public required string Id { get; init; }
    public required string System { get; init; }
    public required string Connector { get; init; }
    public long From { get; init; }
    public long To { get; init; }
    public long Calls { get; init; }

    /// <summary>Failed calls as <c>status/cause=calls</c>, separated by <c>;</c>.</summary>
    public required string Failures { get; init; }

    /// <summary>Calls per latency bucket of the event, separated by <c>,</c>.</summary>
    public required string LatencyBuckets { get; init; }
}
