using ApiPlatform.Contracts.Crm;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;

namespace ApiPlatform.ProcessApis.QuoteToCash.Events;

/// <summary>
/// A quote marked to be ordered on approval starts its order request when CRM approves it. A duplicate or late event
/// starts nothing new: a quote has at most one order request, whichever path started it.
/// </summary>
internal sealed class StartOrderOnQuoteApproved(OrderRequests orders, ILogger<StartOrderOnQuoteApproved> logger) : IEventHandler<QuoteApproved>
{
    public async Task HandleAsync(QuoteApproved approved, EventContext context, CancellationToken cancellationToken)
    {
        if (!approved.OrderOnApproval)
        {
            return;
        }
        var start = await orders.StartAsync(approved.QuoteId, approved.Tenant, approved.Total, null, null, $"event:{context.Type}", cancellationToken);
        if (start.Created)
        {
            logger.LogInformation("Quote {Quote} was approved in CRM: order request {OrderRequest} started", approved.QuoteId, start.InstanceId);
        }
    }
}
