using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Data;

/// <summary>An order a partner placed through the portal: the portal's own index of its partners' orders.</summary>
public sealed class PortalOrderEntity : ITenantOwned
{
    public required string OrderRequestId { get; init; }
    public required string Tenant { get; init; }
    public required string QuoteId { get; init; }
    public required string PlacedBy { get; init; }
    public DateTimeOffset PlacedAt { get; init; }
}
