using System.Diagnostics.Metrics;

namespace ApiPlatform.Messaging.Monitoring;

/// <summary>The <c>ApiPlatform.Messaging</c> meter: counters as things happen, gauges from the monitor's snapshot.</summary>
internal sealed class MessagingMetrics
{
    private readonly Counter<long> handled;
    private readonly Counter<long> published;

    public MessagingMetrics(IMeterFactory meters, MessagingSnapshot snapshot)
    {
        var meter = meters.Create(MessagingTelemetry.Name);
        handled = meter.CreateCounter<long>("apiplatform.messaging.consumer.messages", "{message}",
            "Messages handled by consumer groups, by outcome: applied, duplicate, retry, dead-lettered.");
        published = meter.CreateCounter<long>("apiplatform.messaging.outbox.published", "{event}", "Outbox events handed to the transport.");
        meter.CreateObservableGauge("apiplatform.messaging.outbox.backlog", () => snapshot.Current.Backlog, "{event}",
            "Outbox events not yet published.");
        meter.CreateObservableGauge("apiplatform.messaging.outbox.oldest_age", () => snapshot.Current.OldestAgeSeconds, "s",
            "Age of the oldest outbox event not yet published.");
        meter.CreateObservableGauge("apiplatform.messaging.consumer.lag", () => snapshot.Current.Lags.Select(l =>
            new Measurement<long>(l.Lag, new("messaging.consumer.group.name", l.Group), new("messaging.destination.name", l.Topic))),
            "{message}", "Messages a consumer group has not yet acknowledged.");
        meter.CreateObservableGauge("apiplatform.messaging.dead_letters", () => snapshot.Current.OpenDeadLetters.Select(d =>
            new Measurement<long>(d.Value, new KeyValuePair<string, object?>("messaging.consumer.group.name", d.Key))),
            "{message}", "Dead letters awaiting an operator.");
    }

    public void Handled(string group, string type, string outcome) =>
        handled.Add(1, new("messaging.consumer.group.name", group), new("cloudevents.event_type", type), new("outcome", outcome));

    public void Published(string topic, int count) => published.Add(count, new KeyValuePair<string, object?>("messaging.destination.name", topic));
}
