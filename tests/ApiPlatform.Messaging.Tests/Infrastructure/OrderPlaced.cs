namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <param name="OrderId">The aggregate: events of one order are applied in order.</param>
/// <param name="Number">Unique per event in a proof, to count effects.</param>
/// <param name="Sequence">The position of the event among its order's events.</param>
public sealed record OrderPlaced(string OrderId, int Number, int Sequence, string? TenantId = null) : IIntegrationEvent
{
    public static string EventType => "proof.order.placed.v1";

    public string Subject => OrderId;

    public string? Tenant => TenantId;
}
