using System.Diagnostics;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Tests.Consumers;

public sealed class TraceContextTests
{
    [Fact]
    public async Task The_handler_runs_in_the_trace_of_the_request_that_wrote_the_event()
    {
        var consumed = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessagingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => { lock (consumed) { consumed.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var service = await ServiceUnderTest.CreateAsync(m => m
            .Publishes<OrderPlaced>()
            .Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));
        var worker = service.Worker();
        await worker.RunOnceAsync(default);

        ActivityTraceId producerTrace;
        using (var request = new Activity("POST /orders").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            request.TraceStateString = "vendor=abc";
            producerTrace = request.TraceId;
            await using var scope = service.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<ProofDbContext>();
            database.Orders.Add(new Order { Number = 1, Subject = "order-1" });
            scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced("order-1", 1, 1, "acme"));
            await database.SaveChangesAsync();
        }
        Assert.Null(Activity.Current);
        Assert.Equal(1, await service.Relay.RelayOnceAsync(default));
        await worker.RunOnceAsync(default);

        var effect = Assert.Single(await service.EffectsAsync());
        Assert.Equal(producerTrace.ToHexString(), effect.TraceId);
        // The listener sees every test's messaging activities (the suite runs classes in parallel), so it is read
        // under the same lock it is written under.
        Activity[] seen;
        lock (consumed) { seen = consumed.ToArray(); }
        var processing = Assert.Single(seen, a => a.TraceId == producerTrace && a.DisplayName == "proof.order.placed.v1 process");
        Assert.Equal("vendor=abc", processing.TraceStateString);
    }
}
