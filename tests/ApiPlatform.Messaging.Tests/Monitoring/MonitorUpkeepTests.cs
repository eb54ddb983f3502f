using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Tests.Infrastructure;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Messaging.Tests.Monitoring;

/// <summary>
/// The monitor's jobs fail alone: a transport that is down stops neither the inbox's upkeep nor the outbox backlog
/// gauge, which an operator watches grow during exactly that outage.
/// </summary>
public sealed class MonitorUpkeepTests
{
    [Fact]
    public async Task With_the_transport_down_the_monitor_still_trims_the_inbox_and_reports_the_outbox_backlog()
    {
        await using var service = await ServiceUnderTest.CreateAsync(
            m => m.Publishes<OrderPlaced>().Handles<OrderPlaced, RecordEffect>(RecordEffect.Group),
            services: s => s.DecorateTransport((_, _) => new DownTransport()));
        var expired = service.Clock.GetUtcNow().AddDays(-8).ToUnixTimeMilliseconds();
        await using (var database = service.Database.CreateContext())
        {
            database.Set<InboxMessage>().Add(new InboxMessage { EventId = "expired", Group = RecordEffect.Group, Type = "t", ProcessedAt = expired });
            await database.SaveChangesAsync();
        }
        await Outbox.OutboxRelayTests.PublishCommittedAsync(service, 1, 2);
        var snapshot = service.Services.GetRequiredService<MessagingSnapshot>();
        var monitor = service.Services.GetServices<IHostedService>().OfType<MessagingMonitor<ProofDbContext>>().Single();

        await monitor.StartAsync(default);
        try
        {
            // The first pass runs at start; the fake clock holds the next one back.
            await Proofs.Waiting.UntilAsync(
                async () => snapshot.Current.Backlog > 0 && await service.QueryAsync(d => d.Set<InboxMessage>().CountAsync()) == 0,
                TimeSpan.FromSeconds(10), 20);

            Assert.Equal(0, await service.QueryAsync(d => d.Set<InboxMessage>().CountAsync()));
            Assert.Equal(2, snapshot.Current.Backlog);
        }
        finally
        {
            await monitor.StopAsync(default);
        }
    }

    /// <summary>Every call fails, as a Redis that cannot be reached would.</summary>
    private sealed class DownTransport : IMessageTransport
    {
        private static Exception Down() => new InvalidOperationException("The transport is down.");

        public Task PublishAsync(string topic, IReadOnlyList<string> messages, CancellationToken cancellationToken) => throw Down();

        public Task EnsureGroupAsync(string topic, string group, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<TransportMessage>> ReceiveAsync(
            string topic, string group, string consumer, int count, TimeSpan reclaimAfter, CancellationToken cancellationToken) => throw Down();

        public Task ResetGroupAsync(string topic, string group, CancellationToken cancellationToken) => throw Down();

        public Task AcknowledgeAsync(string topic, string group, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => throw Down();

        public Task<long> GetLagAsync(string topic, string group, CancellationToken cancellationToken) => throw Down();

        public Task<long> TrimAsync(string topic, TimeSpan retention, CancellationToken cancellationToken) => throw Down();
    }
}
