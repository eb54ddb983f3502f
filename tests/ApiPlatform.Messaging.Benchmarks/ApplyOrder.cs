using System.Collections.Concurrent;
using System.Diagnostics;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.Messaging.Benchmarks;

/// <summary>Writes one row per event and notes when it was handled (its transaction commits right after).</summary>
public sealed class ApplyOrder(BenchDbContext database, ApplyOrder.Clock clock) : IEventHandler<OrderAccepted>
{
    public Task HandleAsync(OrderAccepted integrationEvent, EventContext context, CancellationToken cancellationToken)
    {
        database.Rows.Add(new BenchRow { Number = integrationEvent.Number });
        clock.Handled[integrationEvent.Number] = Stopwatch.GetTimestamp();
        return Task.CompletedTask;
    }

    public sealed class Clock
    {
        public ConcurrentDictionary<int, long> Committed { get; } = new();

        public ConcurrentDictionary<int, long> Handled { get; } = new();
    }
}
