namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>One <c>{system}.connector.mapping-failed.v1</c>: which connector, vendor field and operation, when.</summary>
public sealed class MappingFailureEntity
{
    /// <summary>The event id.</summary>
    public required string Id { get; init; }
    public required string System { get; init; }
    public required string Connector { get; init; }
    public required string Field { get; init; }
    public required string VendorOperation { get; init; }
    public string? Tenant { get; init; }
    public string? CorrelationId { get; init; }
    public long At { get; init; }
}
