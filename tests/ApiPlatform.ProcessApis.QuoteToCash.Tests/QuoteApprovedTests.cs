using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.ProcessApis.QuoteToCash.Events;
using ApiPlatform.ProcessApis.QuoteToCash.Tests.Infrastructure;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.ProcessApis.QuoteToCash.Tests;

/// <summary>
/// The handler of <c>crm.quote.approved.v1</c>, as the service registers it: one quote has at most one order request,
/// whether an event comes twice, two approvals of it come, they come at once, or the request was started by the API.
/// </summary>
public sealed class QuoteApprovedTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_event_delivered_twice_starts_one_order_request()
    {
        await using var host = await QuoteToCashHost.StartAsync();
        var approved = Approved("q-twice", 1_000m);

        await HandleAsync(host, approved, "evt-1");
        await HandleAsync(host, approved, "evt-1");

        var only = Assert.Single(await host.OrderRequestsAsync());
        Assert.Equal((OrderWorkflow.Name, "q-twice", "acme"), (only.Type, only.BusinessKey, only.Tenant));
    }

    [Fact]
    public async Task Two_approvals_of_one_quote_start_one_order_request_which_keeps_the_first()
    {
        await using var host = await QuoteToCashHost.StartAsync();

        await HandleAsync(host, Approved("q-reapproved", 1_000m), "evt-1");
        await HandleAsync(host, Approved("q-reapproved", 1_200m) with { ApprovedAt = Monday.AddHours(2) }, "evt-2");

        var only = Assert.Single(await host.OrderRequestsAsync());
        var view = await host.InScopeAsync(s => s.GetRequiredService<OrderRequests>().FindByQuoteAsync("q-reapproved", default));
        Assert.Equal(only.Id, view!.Id);
        Assert.Equal(1_000m, view.StateAs<OrderState>().Total!.Amount);
        Assert.Equal("event:crm.quote.approved.v1", view.History.Single(h => h.Kind == "Started").Actor);
    }

    [Fact]
    public async Task Approvals_delivered_at_the_same_time_start_one_order_request()
    {
        await using var host = await QuoteToCashHost.StartAsync();

        await Task.WhenAll(Enumerable.Range(1, 5).Select(n => Task.Run(() => HandleAsync(host, Approved("q-concurrent", 1_000m), $"evt-{n}"))));

        Assert.Single(await host.OrderRequestsAsync());
    }

    [Fact]
    public async Task An_approval_after_the_API_started_the_order_request_starts_nothing_and_one_not_marked_to_order_nothing_at_all()
    {
        await using var host = await QuoteToCashHost.StartAsync();
        var byApi = await host.InScopeAsync(s => s.GetRequiredService<OrderRequests>().StartAsync(
            "q-api", "acme", null, "request-key-1", null, "sales-app", default));

        await HandleAsync(host, Approved("q-api", 1_000m), "evt-1");
        await HandleAsync(host, Approved("q-not-marked", 1_000m) with { OrderOnApproval = false }, "evt-2");

        var only = Assert.Single(await host.OrderRequestsAsync());
        Assert.True(byApi.Created);
        Assert.Equal((byApi.InstanceId, "q-api"), (only.Id, only.BusinessKey));
    }

    private static QuoteApproved Approved(string quoteId, decimal total) =>
        new(quoteId, "acme", "acc-1", quoteId.ToUpperInvariant(), new Money(total, "EUR"), new SourceReference("embedded", quoteId), Monday, OrderOnApproval: true);

    private static Task HandleAsync(QuoteToCashHost host, QuoteApproved approved, string eventId) => host.InScopeAsync(s =>
        s.GetRequiredService<StartOrderOnQuoteApproved>().HandleAsync(approved,
            new EventContext(eventId, QuoteApproved.EventType, "/crm", approved.QuoteId, approved.Tenant, approved.ApprovedAt, "quote-to-cash-orders", 1),
            default));
}
