using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Transports.Redis;

/// <summary>
/// Redis Streams: one stream per topic, one consumer group per group of handlers. Messages stay in the group's pending
/// entries list until acknowledged (after the handler's transaction commits); XAUTOCLAIM hands those of a dead
/// consumer to a live one once they have been idle long enough. After appending, a publisher sends a PUBLISH on the
/// channel named like the stream, which wakes the consumers of the topic subscribed to it; a notification lost (while
/// reconnecting, say) costs a consumer no more than its poll interval.
/// </summary>
public sealed class RedisStreamsTransport(IConnectionMultiplexer redis, string keyPrefix, TimeProvider clock) : IMessageTransport
{
    private const string BodyField = "event";

    private readonly ConcurrentDictionary<string, PublishSignal> signals = new();

    private IDatabase Database => redis.GetDatabase();

    public async Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        // Pipelined on one connection, so the entries are appended in this order.
        var key = Key(topic);
        var appends = new Task[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            appends[i] = Database.StreamAddAsync(key, BodyField, messages[i]);
        }
        await Task.WhenAll(appends).WaitAsync(cancellationToken);
        Notify(key);
    }

    public Task WhenPublished(string topic) => signals.GetOrAdd(topic, Subscribe).Next;

    public async Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken)
    {
        try
        {
            await Database.StreamCreateConsumerGroupAsync(Key(topic), group, StreamPosition.Beginning, createStream: true).WaitAsync(cancellationToken);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    public async Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken)
    {
        // Recreated rather than XGROUP SETID: a new group has an empty pending entries list.
        await EnsureGroupAsync(topic, group, cancellationToken);
        await Database.StreamDeleteConsumerGroupAsync(Key(topic), group).WaitAsync(cancellationToken);
        await EnsureGroupAsync(topic, group, cancellationToken);
        Notify(Key(topic));
    }

    public async Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
        string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken)
    {
        var key = Key(topic);
        var messages = new List<TransportMessage>(count);
        var claimed = await Database.StreamAutoClaimAsync(key, group, consumer, (long)reclaimAfter.TotalMilliseconds, "0-0", count)
            .WaitAsync(cancellationToken);
        if (claimed.ClaimedEntries.Length > 0)
        {
            var counts = await DeliveryCountsAsync(key, group, consumer, claimed.ClaimedEntries, cancellationToken);
            messages.AddRange(claimed.ClaimedEntries.Where(e => !e.IsNull)
                .Select(e => new TransportMessage(e.Id!, e[BodyField]!, counts.GetValueOrDefault(e.Id!, 2))));
        }
        if (messages.Count < count)
        {
            var entries = await Database.StreamReadGroupAsync(key, group, consumer, StreamPosition.NewMessages, count - messages.Count)
                .WaitAsync(cancellationToken);
            messages.AddRange(entries.Select(e => new TransportMessage(e.Id!, e[BodyField]!, 1)));
        }
        return messages;
    }

    public Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        messageIds.Count == 0
            ? Task.CompletedTask
            : Database.StreamAcknowledgeAsync(Key(topic), group, messageIds.Select(id => (RedisValue)id).ToArray()).WaitAsync(cancellationToken);

    public async Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken)
    {
        var key = Key(topic);
        if (!await Database.KeyExistsAsync(key).WaitAsync(cancellationToken))
        {
            return 0;
        }
        var groups = await Database.StreamGroupInfoAsync(key).WaitAsync(cancellationToken);
        var info = groups.FirstOrDefault(g => g.Name == group);
        return info.Name is null ? 0 : (info.Lag ?? 0) + info.PendingMessageCount;
    }

    public Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken) =>
        new RedisStreamTrimmer(Database, Key(topic), clock).TrimAsync(retention, cancellationToken);

    private RedisKey Key(string topic) => keyPrefix + topic;

    private static RedisChannel Channel(RedisKey key) => RedisChannel.Literal(key.ToString());

    private void Notify(RedisKey key) => Database.Publish(Channel(key), "", CommandFlags.FireAndForget);

    private PublishSignal Subscribe(string topic)
    {
        var signal = new PublishSignal();
        // Not awaited: until the subscription is in place the consumer polls, as it does whenever Redis is away.
        _ = redis.GetSubscriber().SubscribeAsync(Channel(Key(topic)), (_, _) => signal.Notify())
            .ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return signal;
    }

    private async Task<Dictionary<string, int>> DeliveryCountsAsync(
        RedisKey key, string group, string consumer, StreamEntry[] entries, CancellationToken cancellationToken)
    {
        var pending = await Database.StreamPendingMessagesAsync(key, group, entries.Length, consumer, entries[0].Id, entries[^1].Id)
            .WaitAsync(cancellationToken);
        return pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount);
    }
}
