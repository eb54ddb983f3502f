using System.Text.RegularExpressions;
using ApiPlatform.Messaging.Consumers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApiPlatform.Messaging.Configuration;

/// <summary>Declares, explicitly, the events a service publishes and the handlers of its consumer groups.</summary>
public sealed partial class MessagingBuilder
{
    private readonly IServiceCollection services;
    private readonly MessagingRegistry registry;

    internal MessagingBuilder(IServiceCollection services, MessagingRegistry registry)
    {
        this.services = services;
        this.registry = registry;
    }

    // The first segment is the topic: an API name such as "crm" or "quote-to-cash".
    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+\\.v[0-9]+$")]
    private static partial Regex WireName();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,99}$")]
    private static partial Regex GroupName();

    /// <summary>This service writes <typeparamref name="TEvent"/> through <see cref="Outbox.IEventPublisher"/>.</summary>
    public MessagingBuilder Publishes<TEvent>() where TEvent : IIntegrationEvent
    {
        registry.AddPublished(typeof(TEvent), CheckWireName<TEvent>());
        return this;
    }

    /// <summary>Consumer group <paramref name="group"/> applies <typeparamref name="TEvent"/> with <typeparamref name="THandler"/>.</summary>
    public MessagingBuilder Handles<TEvent, THandler>(string group)
        where TEvent : IIntegrationEvent
        where THandler : class, IEventHandler<TEvent>
    {
        if (!GroupName().IsMatch(group))
        {
            throw new ArgumentException($"Consumer group '{group}' must be lower-case letters, digits and dashes.", nameof(group));
        }
        CheckWireName<TEvent>();
        registry.AddHandler(HandlerRegistration.Create<TEvent, THandler>(group));
        services.TryAddScoped<THandler>();
        return this;
    }

    private static string CheckWireName<TEvent>() where TEvent : IIntegrationEvent =>
        WireName().IsMatch(TEvent.EventType)
            ? TEvent.EventType
            : throw new ArgumentException(
                $"{typeof(TEvent).Name}.EventType '{TEvent.EventType}' is not a versioned wire name such as 'crm.account.changed.v1'.");
}
