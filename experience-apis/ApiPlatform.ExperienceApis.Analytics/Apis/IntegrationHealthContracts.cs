namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>
/// Integration health over a window: per system API and connector from the system APIs' connector events, and the
/// messaging of every service that samples it (system, process and experience APIs).
/// </summary>
public sealed record IntegrationHealth(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SystemHealth> Systems);

/// <summary>
/// One system or service: its messaging as last sampled in the window (null when no sample arrived in it) and its
/// connectors (none for a process or experience API).
/// </summary>
public sealed record SystemHealth(string System, MessagingHealth? Messaging, IReadOnlyList<ConnectorHealth> Connectors);

/// <summary>The system's outbox backlog, the age of its oldest unpublished event (outbox lag) and its open dead letters.</summary>
public sealed record MessagingHealth(DateTimeOffset SampledAt, long OutboxBacklog, double OutboxLagSeconds, long DeadLetters);

/// <summary>
/// One connector's calls to its system of record: how many, how many failed and why (by the status answered: 502, 503,
/// 504), the p99 latency (the upper bound of the latency bucket holding the 99th percentile; null without calls) and
/// its mapping failures by vendor field.
/// </summary>
public sealed record ConnectorHealth(
    string Connector, long Calls, long FailedCalls, double ErrorRate, double? LatencyP99Ms, IReadOnlyList<FailureCount> Failures,
    long MappingFailures, IReadOnlyList<FieldMappingFailures> MappingFailuresByField);

public sealed record FailureCount(int Status, string Cause, long Calls);

/// <summary>Mapping failures on one vendor field, with the vendor operation and time of the last one.</summary>
public sealed record FieldMappingFailures(string Field, long Failures, string LastVendorOperation, DateTimeOffset LastFailedAt);
