using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Tests.Outbox;

public sealed class OutboxRelayTests
{
    private static Task<ServiceUnderTest> ServiceAsync() => ServiceUnderTest.CreateAsync(m => m.Publishes<OrderPlaced>());

    [Fact]
    public async Task Nothing_is_published_before_the_business_transaction_commits_and_then_everything_in_order()
    {
        await using var service = await ServiceAsync();
        await service.Bus.EnsureGroupAsync("proof", "reader", default);
        await using var scope = service.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ProofDbContext>();
        await using (var transaction = await database.Database.BeginTransactionAsync())
        {
            Publish(scope.ServiceProvider, 1, 2, 3);
            await database.SaveChangesAsync();
            Assert.Equal(0, await service.Relay.RelayOnceAsync(default));
            await transaction.CommitAsync();
        }

        Assert.Equal(3, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(0, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(new[] { 1, 2, 3 }, await ReadNumbersAsync(service));
        Assert.All(await service.QueryAsync(d => d.Set<OutboxMessage>().ToListAsync()), o => Assert.Equal(OutboxStatus.Published, o.Status));
    }

    [Fact]
    public async Task Rows_claimed_by_a_relay_that_died_are_published_by_another_once_the_lease_runs_out()
    {
        await using var service = await ServiceAsync();
        await service.Bus.EnsureGroupAsync("proof", "reader", default);
        await PublishCommittedAsync(service, 1, 2);
        var deadRelay = service.Services.GetRequiredService<OutboxStore<ProofDbContext>>();
        Assert.Equal(2, (await deadRelay.ClaimAsync("dead-relay#1", default)).Count);

        Assert.Equal(0, await service.Relay.RelayOnceAsync(default));
        service.Clock.Advance(TimeSpan.FromSeconds(5.001));

        Assert.Equal(2, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(new[] { 1, 2 }, await ReadNumbersAsync(service));
    }

    [Fact]
    public async Task A_subject_whose_earlier_row_another_relay_holds_waits_while_other_subjects_go_ahead()
    {
        await using var service = await ServiceAsync();
        await service.Bus.EnsureGroupAsync("proof", "reader", default);
        await PublishCommittedAsync(service, ("order-a", 1), ("order-a", 2), ("order-b", 3));
        var options = service.Services.GetRequiredService<IOptions<MessagingOptions>>();
        options.Value.Outbox.BatchSize = 1;
        var otherRelay = service.Services.GetRequiredService<OutboxStore<ProofDbContext>>();
        Assert.Equal(1, (await otherRelay.ClaimAsync("other-relay#1", default)).Single().Sequence);
        options.Value.Outbox.BatchSize = 200;

        Assert.Equal(1, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(new[] { 3 }, await ReadNumbersAsync(service));

        service.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(2, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(new[] { 1, 2 }, await ReadNumbersAsync(service));
    }

    [Fact]
    public async Task A_row_held_back_behind_its_subjects_earlier_row_goes_in_the_next_pass_once_that_row_is_out()
    {
        await using var service = await ServiceAsync();
        await service.Bus.EnsureGroupAsync("proof", "reader", default);
        await PublishCommittedAsync(service, ("order-a", 1), ("order-a", 2));
        var options = service.Services.GetRequiredService<IOptions<MessagingOptions>>();
        options.Value.Outbox.BatchSize = 1;
        var otherRelay = service.Services.GetRequiredService<OutboxStore<ProofDbContext>>();
        var first = (await otherRelay.ClaimAsync("other-relay#1", default)).Single();
        options.Value.Outbox.BatchSize = 200;

        Assert.Equal(0, await service.Relay.RelayOnceAsync(default));
        await service.Bus.PublishAsync(first.Topic, [first.Envelope], default);
        await otherRelay.MarkPublishedAsync("other-relay#1", [first.Sequence], default);

        // No time passes: the held-back row is not parked for a poll interval (which would park every later row of
        // its subject behind it as well).
        Assert.Equal(1, await service.Relay.RelayOnceAsync(default));
        Assert.Equal(new[] { 1, 2 }, await ReadNumbersAsync(service));
    }

    internal static void Publish(IServiceProvider services, params int[] numbers)
    {
        foreach (var number in numbers)
        {
            services.GetRequiredService<ProofDbContext>().Orders.Add(new Order { Number = number, Subject = $"order-{number}" });
            services.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced($"order-{number}", number, number));
        }
    }

    internal static Task PublishCommittedAsync(ServiceUnderTest service, params int[] numbers) =>
        PublishCommittedAsync(service, numbers.Select(n => ($"order-{n}", n)).ToArray());

    internal static async Task PublishCommittedAsync(ServiceUnderTest service, params (string Subject, int Number)[] orders)
    {
        await using var scope = service.Services.CreateAsyncScope();
        foreach (var (subject, number) in orders)
        {
            scope.ServiceProvider.GetRequiredService<ProofDbContext>().Orders.Add(new Order { Number = number, Subject = subject });
            scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced(subject, number, number));
        }
        await scope.ServiceProvider.GetRequiredService<ProofDbContext>().SaveChangesAsync();
    }

    internal static async Task<int[]> ReadNumbersAsync(ServiceUnderTest service)
    {
        var messages = await service.Bus.ReceiveAsync("proof", "reader", "test", 1000, TimeSpan.FromDays(1), default);
        await service.Bus.AcknowledgeAsync("proof", "reader", messages.Select(m => m.Id).ToList(), default);
        return messages.Select(m => Processes.ProofEvents.NumberOf(m.Body)).ToArray();
    }
}
