using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.Reconciliation;

namespace ApiPlatform.ProcessApis.Reconciliation.Sources;

/// <summary>The documents a reconciliation compares, streamed a page at a time from the systems that own them.</summary>
public interface IDocumentSource
{
    IAsyncEnumerable<SalesOrder> SalesOrdersAsync(string tenant, CancellationToken cancellationToken);

    IAsyncEnumerable<Invoice> InvoicesAsync(string tenant, CancellationToken cancellationToken);

    IAsyncEnumerable<Payment> PaymentsAsync(string tenant, CancellationToken cancellationToken);

    IAsyncEnumerable<BillingEvent> BillingEventsAsync(string tenant, CancellationToken cancellationToken);

    IAsyncEnumerable<JournalEntry> JournalEntriesAsync(string tenant, ReconciliationPeriod period, CancellationToken cancellationToken);
}
