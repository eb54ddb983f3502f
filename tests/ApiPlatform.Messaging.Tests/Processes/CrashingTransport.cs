using ApiPlatform.Messaging.Transports;

namespace ApiPlatform.Messaging.Tests.Processes;

/// <summary>
/// In the producer process: the first time a batch holds a chosen event, the process stops dead between the outbox
/// commit and the publish being recorded (before the publish, or after it for even numbers), prints CRASH and waits
/// to be killed. The crash file remembers which chosen events already had their crash.
/// </summary>
internal sealed class CrashingTransport(IMessageTransport inner, HashSet<int> chosen, string crashFile) : IMessageTransport
{
    private readonly HashSet<int> crashed = File.Exists(crashFile) ? ProofEvents.ParseNumbers(string.Join(',', File.ReadAllLines(crashFile))) : [];

    public async Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        var due = messages.Select(ProofEvents.NumberOf).Where(n => chosen.Contains(n) && !crashed.Contains(n)).ToList();
        if (due.Count == 0)
        {
            await inner.PublishAsync(topic, messages, cancellationToken);
            return;
        }
        await File.AppendAllLinesAsync(crashFile, due.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        var afterPublish = due[0] % 2 == 0;
        if (afterPublish)
        {
            await inner.PublishAsync(topic, messages, cancellationToken);
        }
        await Console.Out.WriteLineAsync(afterPublish ? "CRASH after-publish" : "CRASH before-publish");
        await Console.Out.FlushAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken) =>
        inner.ResetGroupAsync(topic, group, cancellationToken);

    public Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken) =>
        inner.EnsureGroupAsync(topic, group, cancellationToken);

    public Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
        string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(topic, group, consumer, count, reclaimAfter, cancellationToken);

    public Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(topic, group, messageIds, cancellationToken);

    public Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken) => inner.GetLagAsync(topic, group, cancellationToken);

    public Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken) => inner.TrimAsync(topic, retention, cancellationToken);
}
