using System.Diagnostics;
using System.Text.Json;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Tests.Outbox;

public sealed class OutboxPublisherTests
{
    [Fact]
    public async Task An_event_is_written_as_a_cloud_event_with_tenant_and_trace_context_in_the_callers_transaction()
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Publishes<OrderPlaced>());
        await using var scope = service.Services.CreateAsyncScope();
        using var request = new Activity("POST /orders").SetIdFormat(ActivityIdFormat.W3C).Start();

        var id = scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced("order-9", 9, 1, "acme"));
        Assert.Empty(await service.QueryAsync(d => d.Set<OutboxMessage>().ToListAsync()));
        await scope.ServiceProvider.GetRequiredService<ProofDbContext>().SaveChangesAsync();

        var row = Assert.Single(await service.QueryAsync(d => d.Set<OutboxMessage>().ToListAsync()));
        var envelope = JsonDocument.Parse(row.Envelope).RootElement;
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.Equal(id, envelope.GetProperty("id").GetString());
        Assert.Equal("/proof", envelope.GetProperty("source").GetString());
        Assert.Equal("proof.order.placed.v1", envelope.GetProperty("type").GetString());
        Assert.Equal("order-9", envelope.GetProperty("subject").GetString());
        Assert.Equal("application/json", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal("acme", envelope.GetProperty("tenant").GetString());
        Assert.Equal(request.Id, envelope.GetProperty("traceparent").GetString());
        Assert.Equal(service.Clock.GetUtcNow(), envelope.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(9, envelope.GetProperty("data").GetProperty("number").GetInt32());
        Assert.Equal(("proof", OutboxStatus.Pending), (row.Topic, row.Status));
    }

    [Fact]
    public async Task An_event_type_not_declared_with_Publishes_is_refused()
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));
        await using var scope = service.Services.CreateAsyncScope();

        var error = Assert.Throws<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced("order-1", 1, 1)));
        Assert.Contains("Publishes<OrderPlaced>()", error.Message, StringComparison.Ordinal);
    }
}
