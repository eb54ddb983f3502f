namespace ApiPlatform.Messaging.Consumers;

/// <summary>
/// Applies one integration event. Changes made through the service's DbContext commit in one transaction with the
/// inbox row, so an event redelivered or replayed has no second effect.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, EventContext context, CancellationToken cancellationToken);
}
