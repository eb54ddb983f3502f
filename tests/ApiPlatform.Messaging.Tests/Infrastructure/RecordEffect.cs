using System.Diagnostics;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>The test handler: records one effect row through the service's DbContext, or fails on a poison event.</summary>
public sealed class RecordEffect(ProofDbContext database, ProofSwitches switches) : IEventHandler<OrderPlaced>
{
    public const string Group = "proof-effects";

    public Task HandleAsync(OrderPlaced integrationEvent, EventContext context, CancellationToken cancellationToken)
    {
        switches.Attempts.AddOrUpdate(integrationEvent.Number, 1, (_, n) => n + 1);
        if (switches.IsPoison(integrationEvent.Number))
        {
            throw new InvalidOperationException($"Order {integrationEvent.Number} is poison.");
        }
        database.Effects.Add(new Effect
        {
            EventId = context.EventId,
            Subject = context.Subject ?? "",
            Number = integrationEvent.Number,
            Sequence = integrationEvent.Sequence,
            TraceId = Activity.Current?.TraceId.ToHexString(),
        });
        return Task.CompletedTask;
    }
}
