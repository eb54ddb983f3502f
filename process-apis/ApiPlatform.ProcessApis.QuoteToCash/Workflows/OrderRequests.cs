using ApiPlatform.Contracts;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>Starts order requests, from the API or from an approved quote's event: at most one per quote.</summary>
public sealed class OrderRequests(IWorkflowClient workflows, TimeProvider time)
{
    public Task<WorkflowStart> StartAsync(
        string quoteId, string tenant, Money? total, string? requestKey, Address? shipTo, string actor, CancellationToken cancellationToken)
    {
        var id = $"or-{Guid.CreateVersion7(time.GetUtcNow()):N}";
        var state = new OrderState { QuoteId = quoteId, Tenant = tenant, Total = total, RequestKey = requestKey, RequestedShipTo = shipTo };
        return workflows.StartAsync<OrderWorkflow, OrderState>(id, tenant, quoteId, state, actor, cancellationToken);
    }

    public Task<WorkflowInstanceView?> FindByQuoteAsync(string quoteId, CancellationToken cancellationToken) =>
        workflows.FindAsync(OrderWorkflow.Name, quoteId, cancellationToken);
}
