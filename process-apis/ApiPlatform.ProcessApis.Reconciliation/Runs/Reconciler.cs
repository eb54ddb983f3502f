using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Comparison;
using ApiPlatform.ProcessApis.Reconciliation.Sources;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

/// <summary>Streams a tenant's documents of a period through the comparison, system by system.</summary>
public sealed class Reconciler(IDocumentSource source)
{
    public async Task<(IReadOnlyList<Finding> Findings, long DocumentsCompared)> CompareAsync(
        string tenant, ReconciliationPeriod period, CancellationToken cancellationToken)
    {
        var comparison = new PeriodComparison(period);
        await foreach (var order in source.SalesOrdersAsync(tenant, cancellationToken))
        {
            comparison.AddSalesOrder(order);
        }
        await foreach (var invoice in source.InvoicesAsync(tenant, cancellationToken))
        {
            comparison.AddInvoice(invoice);
        }
        await foreach (var payment in source.PaymentsAsync(tenant, cancellationToken))
        {
            comparison.AddPayment(payment);
        }
        await foreach (var billingEvent in source.BillingEventsAsync(tenant, cancellationToken))
        {
            comparison.AddBillingEvent(billingEvent);
        }
        await foreach (var entry in source.JournalEntriesAsync(tenant, period, cancellationToken))
        {
            comparison.AddJournalEntry(entry);
        }
        return (comparison.Finish(), comparison.DocumentsCompared);
    }
}
