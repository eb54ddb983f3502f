using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>Projects any quote-to-cash order request event: they all carry the same fields.</summary>
internal sealed class ProjectOrderRequest<TEvent>(TransactionProjector projector) : IEventHandler<TEvent> where TEvent : IIntegrationEvent
{
    private sealed record Shape(
        string OrderRequestId, string Tenant, string QuoteId, OrderRequestState Status, string? Step, string? Reason, string? SalesOrderId,
        string? InvoiceId, Money? Total, DateTimeOffset At);

    public Task HandleAsync(TEvent integrationEvent, EventContext context, CancellationToken cancellationToken)
    {
        var e = JsonSerializer.SerializeToElement(integrationEvent, JsonSerializerOptions.Web).Deserialize<Shape>(JsonSerializerOptions.Web)!;
        var fact = new ProcessFact(Processes.QuoteToCash, e.OrderRequestId, e.Tenant, e.Status.ToString(), e.Step, e.Reason, e.Total, e.At,
        [
            new(References.OrderRequest, e.OrderRequestId), new(References.Quote, e.QuoteId),
            new(References.SalesOrder, e.SalesOrderId), new(References.Invoice, e.InvoiceId),
        ]);
        return projector.ApplyAsync(fact, context, cancellationToken);
    }
}
