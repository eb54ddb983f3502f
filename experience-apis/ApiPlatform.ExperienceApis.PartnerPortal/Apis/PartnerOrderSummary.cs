namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

/// <summary>An order in the partner's list: read one with GET /v1/orders/{id} for its status and timeline.</summary>
public sealed record PartnerOrderSummary(string Id, string QuoteId, string PlacedBy, DateTimeOffset PlacedAt);
