using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.Messaging.Configuration;

/// <summary>What a service publishes and which handlers each of its consumer groups runs, as registered.</summary>
internal sealed class MessagingRegistry
{
    private readonly Dictionary<Type, string> published = [];
    private readonly Dictionary<(string Group, string Type), HandlerRegistration> handlers = [];

    public IReadOnlyCollection<HandlerRegistration> Handlers => handlers.Values;

    public bool HasPublishers => published.Count > 0;

    public void AddPublished(Type eventType, string wireName) => published[eventType] = wireName;

    public void AddHandler(HandlerRegistration registration)
    {
        if (!handlers.TryAdd((registration.Group, registration.EventType), registration))
        {
            throw new InvalidOperationException(
                $"Consumer group '{registration.Group}' already has a handler for '{registration.EventType}'; one handler per event type and group.");
        }
    }

    public string WireNameOf(Type eventType) =>
        published.TryGetValue(eventType, out var name)
            ? name
            : throw new InvalidOperationException($"{eventType.Name} is not registered: add Publishes<{eventType.Name}>() to AddMessaging.");

    public HandlerRegistration? Find(string group, string eventType) => handlers.GetValueOrDefault((group, eventType));

    /// <summary>Every topic this service writes to or reads from.</summary>
    public IEnumerable<string> Topics() =>
        published.Values.Select(Envelope.CloudEvent.TopicOf).Concat(handlers.Values.Select(h => h.Topic)).Distinct();

    /// <summary>Each consumer group with the topics it reads: one worker per pair.</summary>
    public IEnumerable<(string Group, string Topic)> Subscriptions() =>
        handlers.Values.Select(h => (h.Group, h.Topic)).Distinct();
}
