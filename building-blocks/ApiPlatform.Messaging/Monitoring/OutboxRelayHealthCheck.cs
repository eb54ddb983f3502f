using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Monitoring;

/// <summary>
/// Readiness: unhealthy when events have waited in the outbox longer than <c>Messaging:Outbox:StuckAfter</c> while
/// this replica's relay made no progress for as long (stopped, or failing on every pass).
/// </summary>
internal sealed class OutboxRelayHealthCheck<TContext>(
    MessagingQueries<TContext> queries, RelayState relay, IOptions<MessagingOptions> options, TimeProvider clock) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outbox = options.Value.Outbox;
        if (!outbox.RelayEnabled)
        {
            return HealthCheckResult.Healthy("This replica runs no outbox relay.");
        }

        var (backlog, oldestAge) = await queries.OutboxBacklogAsync(cancellationToken);
        var sinceProgress = (clock.GetUtcNow().ToUnixTimeMilliseconds() - relay.LastProgressAt) / 1000.0;
        var data = new Dictionary<string, object>
        {
            ["backlog"] = backlog,
            ["oldestAgeSeconds"] = Math.Round(oldestAge, 1),
            ["secondsSinceProgress"] = Math.Round(sinceProgress, 1),
            ["relayRunning"] = relay.Running,
            ["consecutiveFailures"] = relay.ConsecutiveFailures,
        };
        var stuckAfter = outbox.StuckAfter.TotalSeconds;
        if (backlog > 0 && oldestAge > stuckAfter && (!relay.Running || sinceProgress > stuckAfter))
        {
            return HealthCheckResult.Unhealthy(
                $"The outbox relay is stuck: {backlog} events wait, the oldest for {oldestAge:0} s, and the relay has made no progress " +
                $"for {sinceProgress:0} s{(relay.LastError is { } error ? $" (last error: {error})" : "")}.", data: data);
        }
        return HealthCheckResult.Healthy($"{backlog} events wait in the outbox.", data);
    }
}
