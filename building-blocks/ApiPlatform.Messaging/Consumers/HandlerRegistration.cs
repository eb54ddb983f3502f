using System.Text.Json;
using ApiPlatform.Messaging.Envelope;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>One handler of one event type in one consumer group, typed at registration (no discovery).</summary>
internal sealed class HandlerRegistration(
    string group, string eventType, Func<IServiceProvider, CloudEvent, EventContext, CancellationToken, Task> invoke)
{
    public string Group { get; } = group;

    public string EventType { get; } = eventType;

    public string Topic { get; } = CloudEvent.TopicOf(eventType);

    public Task InvokeAsync(IServiceProvider services, CloudEvent cloudEvent, EventContext context, CancellationToken cancellationToken) =>
        invoke(services, cloudEvent, context, cancellationToken);

    public static HandlerRegistration Create<TEvent, THandler>(string group)
        where TEvent : IIntegrationEvent
        where THandler : class, IEventHandler<TEvent> =>
        new(group, TEvent.EventType, async (services, cloudEvent, context, cancellationToken) =>
        {
            var payload = cloudEvent.Data
                ?? throw new FormatException($"Event {cloudEvent.Id} of type {cloudEvent.Type} carries no JSON data (datacontenttype {cloudEvent.DataContentType}).");
            var data = payload.Deserialize<TEvent>(JsonSerializerOptions.Web)
                ?? throw new FormatException($"Event {cloudEvent.Id} of type {cloudEvent.Type} has null data.");
            await services.GetRequiredService<THandler>().HandleAsync(data, context, cancellationToken);
        });
}
