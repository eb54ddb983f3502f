using System.Text.Json;
using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Outbox;

internal sealed class OutboxPublisher<TContext>(
    TContext database, MessagingRegistry registry, IOptions<MessagingOptions> options, TimeProvider clock, IHttpContextAccessor? http = null)
    : IEventPublisher
    where TContext : DbContext
{
    public string Publish<TEvent>(TEvent integrationEvent) where TEvent : IIntegrationEvent
    {
        var type = registry.WireNameOf(typeof(TEvent));
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        var cloudEvent = new CloudEvent(id, options.Value.Source!, type, now, integrationEvent.Subject,
            JsonSerializer.SerializeToElement(integrationEvent, JsonSerializerOptions.Web))
        {
            Tenant = integrationEvent.Tenant,
            TraceParent = MessagingTelemetry.CurrentTraceParent(),
            TraceState = MessagingTelemetry.CurrentTraceState(),
            CorrelationId = Correlation.Get(http?.HttpContext),
        };
        database.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = id,
            Type = type,
            Topic = CloudEvent.TopicOf(type),
            Subject = integrationEvent.Subject,
            Envelope = CloudEventSerializer.Serialize(cloudEvent),
            CreatedAt = now.ToUnixTimeMilliseconds(),
            Status = OutboxStatus.Pending,
        });
        return id;
    }
}
