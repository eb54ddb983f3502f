namespace ApiPlatform.Messaging.Transports;

/// <summary>
/// An append-only log per topic read by consumer groups, with at-least-once delivery: every group receives every
/// message of a topic; within a group each message goes to one consumer and stays pending until acknowledged, and a
/// pending message idle for longer than the reclaim time is handed to another consumer.
/// </summary>
public interface IMessageTransport
{
    private static readonly Task Never = new TaskCompletionSource().Task;

    /// <summary>
    /// Completes at the first message published to the topic after the call, as far as this transport can tell
    /// (possibly never: a consumer still polls); consumers wait on it instead of sleeping out their poll interval.
    /// </summary>
    Task WhenPublished(string topic) => Never;

    /// <summary>Appends the messages in order; when it returns they are durable on the transport.</summary>
    Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken);

    /// <summary>Creates the group if it does not exist; a new group starts at the oldest retained message.</summary>
    Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> messages for <paramref name="consumer"/>: first those pending for longer than
    /// <paramref name="reclaimAfter"/> in the group (whoever held them), then new ones, oldest first.
    /// </summary>
    Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
        string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the group back to the oldest retained message and forgets its pending messages, so it receives the topic
    /// again from the start (a read model's rebuild). Creates the group if it does not exist.
    /// </summary>
    Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken);

    Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>Messages of the topic the group has not yet acknowledged: never delivered plus pending.</summary>
    Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken);

    /// <summary>
    /// Drops messages older than <paramref name="retention"/>, but never one that any group has not yet acknowledged;
    /// returns how many were dropped.
    /// </summary>
    Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken);
}
