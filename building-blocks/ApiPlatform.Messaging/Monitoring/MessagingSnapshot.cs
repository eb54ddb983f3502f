namespace ApiPlatform.Messaging.Monitoring;

/// <summary>The latest figures the monitor read, served to the gauges without a query per collection.</summary>
internal sealed class MessagingSnapshot
{
    private volatile Figures current = new(0, 0, [], new Dictionary<string, long>());

    public Figures Current => current;

    public void Update(Figures figures) => current = figures;

    /// <param name="Backlog">Outbox rows not yet published.</param>
    /// <param name="OldestAgeSeconds">Age of the oldest of them.</param>
    /// <param name="Lags">Messages each group has yet to acknowledge, per topic.</param>
    /// <param name="OpenDeadLetters">Dead letters awaiting an operator, per group.</param>
    public sealed record Figures(
        long Backlog, double OldestAgeSeconds, IReadOnlyList<GroupLag> Lags, IReadOnlyDictionary<string, long> OpenDeadLetters);

    public sealed record GroupLag(string Group, string Topic, long Lag);
}
