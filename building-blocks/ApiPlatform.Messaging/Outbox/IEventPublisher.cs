namespace ApiPlatform.Messaging.Outbox;

/// <summary>
/// Publishes integration events through the outbox: each call adds a row to the service's DbContext, saved and
/// committed by the caller's own <c>SaveChanges</c> together with the business change.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Adds the event to the outbox and returns its id; nothing is sent before the caller commits.</summary>
    string Publish<TEvent>(TEvent integrationEvent) where TEvent : IIntegrationEvent;
}
