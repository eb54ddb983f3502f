using System.Diagnostics.Metrics;
using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using ApiPlatform.Messaging.Tests.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApiPlatform.Messaging.Tests.Monitoring;

public sealed class MetricsAndReadinessTests
{
    [Fact]
    public async Task The_meter_reports_outbox_backlog_and_age_consumer_lag_dead_letters_and_handled_messages()
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Publishes<OrderPlaced>().Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));
        var measurements = new Dictionary<string, List<(double Value, string Tags)>>();
        using var listener = Listen(service.Services.GetRequiredService<IMeterFactory>(), measurements);
        await OutboxRelayTests.PublishCommittedAsync(service, 1, 2, 3);
        service.Clock.Advance(TimeSpan.FromSeconds(90));
        await using (var database = service.Database.CreateContext())
        {
            database.Add(new DeadLetter { EventId = "x", Group = RecordEffect.Group, Type = "t", Subject = "s", Envelope = "{}", Error = "boom" });
            await database.SaveChangesAsync();
        }
        await service.Bus.EnsureGroupAsync("proof", RecordEffect.Group, default);
        await service.Bus.PublishAsync("proof", Envelopes.Orders(10, 2), default);

        var snapshot = service.Services.GetRequiredService<MessagingSnapshot>();
        snapshot.Update(await service.Services.GetRequiredService<MessagingQueries<ProofDbContext>>().ReadAsync(default));
        await service.Worker().RunOnceAsync(default);
        listener.RecordObservableInstruments();

        Assert.Equal(3, measurements["apiplatform.messaging.outbox.backlog"].Single().Value);
        Assert.Equal(90, measurements["apiplatform.messaging.outbox.oldest_age"].Single().Value);
        Assert.Equal((2, "messaging.consumer.group.name=proof-effects,messaging.destination.name=proof"),
            measurements["apiplatform.messaging.consumer.lag"].Single());
        Assert.Equal(1, measurements["apiplatform.messaging.dead_letters"].Single().Value);
        Assert.Equal(2, measurements["apiplatform.messaging.consumer.messages"].Count(m => m.Tags.Contains("outcome=applied", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Readiness_fails_while_events_wait_longer_than_StuckAfter_without_relay_progress_and_recovers()
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Publishes<OrderPlaced>());
        var relay = service.Services.GetRequiredService<RelayState>();
        relay.Started(service.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        var health = service.Services.GetRequiredService<HealthCheckService>();
        await OutboxRelayTests.PublishCommittedAsync(service, 1);

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        service.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var stuck = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
        Assert.Contains("stuck", stuck.Entries["messaging-outbox-relay"].Description, StringComparison.Ordinal);

        await service.Bus.EnsureGroupAsync("proof", "reader", default);
        Assert.Equal(1, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
    }

    private static MeterListener Listen(IMeterFactory factory, Dictionary<string, List<(double, string)>> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = string.Join(",", tags.ToArray().OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"));
            lock (measurements)
            {
                (measurements.TryGetValue(instrument.Name, out var list) ? list : measurements[instrument.Name] = []).Add((value, text));
            }
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }
}
