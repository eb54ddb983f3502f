using System.Collections.Concurrent;
using ApiPlatform.Messaging.Tests.Processes;
using ApiPlatform.Messaging.Transports;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>Counts what a consumer received: every delivery, the reclaimed ones, and each event number's deliveries.</summary>
internal sealed class CountingTransport(IMessageTransport inner) : IMessageTransport
{
    private long received;
    private long reclaimed;

    public long Received => Interlocked.Read(ref received);

    public long Reclaimed => Interlocked.Read(ref reclaimed);

    public ConcurrentDictionary<int, int> DeliveriesPerNumber { get; } = new();

    public async Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
        string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken)
    {
        var messages = await inner.ReceiveAsync(topic, group, consumer, count, reclaimAfter, cancellationToken);
        foreach (var message in messages)
        {
            Interlocked.Increment(ref received);
            if (message.DeliveryCount > 1)
            {
                Interlocked.Increment(ref reclaimed);
            }
            DeliveriesPerNumber.AddOrUpdate(ProofEvents.NumberOf(message.Body), 1, (_, n) => n + 1);
        }
        return messages;
    }

    public Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken) =>
        inner.PublishAsync(topic, messages, cancellationToken);

    public Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken) =>
        inner.ResetGroupAsync(topic, group, cancellationToken);

    public Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken) =>
        inner.EnsureGroupAsync(topic, group, cancellationToken);

    public Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(topic, group, messageIds, cancellationToken);

    public Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken) => inner.GetLagAsync(topic, group, cancellationToken);

    public Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken) => inner.TrimAsync(topic, retention, cancellationToken);
}
