using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Transports.Redis;

/// <summary>
/// Redis Streams: one stream per topic, one consumer group per group of handlers. Messages stay in the group's pending
/// entries list until acknowledged (after the handler's transaction commits); XAUTOCLAIM hands those of a dead
/// consumer to a live one once they have been idle long enough. After appending, a publisher sends a PUBLISH on the
/// channel named like the stream, which wakes the consumers of the topic subscribed to it; a notification lost (while
/// reconnecting, say) costs a consumer no more than its poll interval.
/// </summary>
public sealed partial class RedisStreamsTransport(
    IConnectionMultiplexer redis, string keyPrefix, TimeProvider clock, ILogger<RedisStreamsTransport>? logger = null) : IMessageTransport
{
    private const string BodyField = "event";

    /// <summary>How long a failed subscription stays in place, unused, before a consumer's next wait subscribes again.</summary>
    internal static readonly TimeSpan ResubscribeAfter = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, PublishSignal> signals = new();
    private readonly ILogger logger = (ILogger?)logger ?? NullLogger.Instance;

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
        var channel = Channel(Key(topic));
        Action<RedisChannel, RedisValue> notify = (_, _) => signal.Notify();
        // Not awaited: until the subscription is in place the consumer polls, as it does whenever Redis is away. Once in
        // place, the client renews it after a reconnect by itself; one that failed (Redis unreachable at the first
        // attempt, or a user without permission for the channel) is forgotten after a pause, so that a later
        // WhenPublished subscribes again.
        Task subscribing;
        try
        {
            subscribing = redis.GetSubscriber().SubscribeAsync(channel, notify);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            subscribing = Task.FromException(ex);
        }
        _ = subscribing.ContinueWith(t => ForgetAsync(topic, signal, channel, notify, t.Exception!), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return signal;
    }

    private async Task ForgetAsync(
        string topic, PublishSignal signal, RedisChannel channel, Action<RedisChannel, RedisValue> notify, AggregateException failure)
    {
        LogSubscribeFailed(failure.GetBaseException(), topic);
        try
        {
            // The client keeps a refused subscription's handler in its own table: without this, it would stay beside the next one.
            await redis.GetSubscriber().UnsubscribeAsync(channel, notify);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
        }
        await Task.Delay(ResubscribeAfter, clock);
        signals.TryRemove(new KeyValuePair<string, PublishSignal>(topic, signal));
    }

    private async Task<Dictionary<string, int>> DeliveryCountsAsync(
        RedisKey key, string group, string consumer, StreamEntry[] entries, CancellationToken cancellationToken)
    {
        var pending = await Database.StreamPendingMessagesAsync(key, group, entries.Length, consumer, entries[0].Id, entries[^1].Id)
            .WaitAsync(cancellationToken);
        return pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount);
    }

    [LoggerMessage(LogLevel.Warning, "Subscribing to the publishes of topic {Topic} failed; its consumers poll until a later attempt succeeds")]
    private partial void LogSubscribeFailed(Exception exception, string topic);
}
