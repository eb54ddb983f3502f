using System.Diagnostics;
using ApiPlatform.Messaging.Envelope;

namespace ApiPlatform.Messaging.Monitoring;

/// <summary>The names under which messaging reports its traces and metrics.</summary>
public static class MessagingTelemetry
{
    public const string Name = "ApiPlatform.Messaging";

    internal static readonly ActivitySource Source = new(Name);

    /// <summary>The trace context to write into an event: the current activity's, in W3C <c>traceparent</c> form.</summary>
    internal static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>The vendor trace state that goes with <see cref="CurrentTraceParent"/>, if the current activity has one.</summary>
    internal static string? CurrentTraceState() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, TraceStateString: { Length: > 0 } state } ? state : null;

    /// <summary>Continues the producer's trace: the consumer's activity is a child of the event's <c>traceparent</c>.</summary>
    internal static Activity? StartProcessing(CloudEvent cloudEvent, string group)
    {
        ActivityContext.TryParse(cloudEvent.TraceParent, cloudEvent.TraceState, isRemote: true, out var parent);
        var activity = Source.StartActivity($"{cloudEvent.Type} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "apiplatform");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", CloudEvent.TopicOf(cloudEvent.Type));
        activity?.SetTag("messaging.consumer.group.name", group);
        activity?.SetTag("messaging.message.id", cloudEvent.Id);
        activity?.SetTag("cloudevents.event_type", cloudEvent.Type);
        activity?.SetTag("cloudevents.event_subject", cloudEvent.Subject);
        return activity;
    }
}
