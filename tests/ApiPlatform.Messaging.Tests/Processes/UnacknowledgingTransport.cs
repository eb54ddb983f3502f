using System.Collections.Concurrent;
using ApiPlatform.Messaging.Transports;

namespace ApiPlatform.Messaging.Tests.Processes;

/// <summary>
/// In the consumer process that will be killed: chosen events are never acknowledged. Odd ones are handled and
/// committed first (killed after commit, before the acknowledgement); even ones never reach the handler (killed
/// while the message was in flight).
/// </summary>
internal sealed class UnacknowledgingTransport(IMessageTransport inner, HashSet<int> chosen) : IMessageTransport
{
    private readonly ConcurrentDictionary<string, bool> neverAcknowledged = new();

    public async Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
        string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken)
    {
        var handed = new List<TransportMessage>();
        foreach (var message in await inner.ReceiveAsync(topic, group, consumer, count, reclaimAfter, cancellationToken))
        {
            var number = ProofEvents.NumberOf(message.Body);
            if (!chosen.Contains(number))
            {
                handed.Add(message);
            }
            else if (number % 2 == 1)
            {
                neverAcknowledged[message.Id] = true;
                handed.Add(message);
            }
        }
        return handed;
    }

    public Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(topic, group, messageIds.Where(id => !neverAcknowledged.ContainsKey(id)).ToList(), cancellationToken);

    public Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken) =>
        inner.PublishAsync(topic, messages, cancellationToken);

    public Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken) =>
        inner.ResetGroupAsync(topic, group, cancellationToken);

    public Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken) =>
        inner.EnsureGroupAsync(topic, group, cancellationToken);

    public Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken) => inner.GetLagAsync(topic, group, cancellationToken);

    public Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken) => inner.TrimAsync(topic, retention, cancellationToken);
}
