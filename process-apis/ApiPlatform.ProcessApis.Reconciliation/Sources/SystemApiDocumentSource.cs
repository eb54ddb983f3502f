using System.Runtime.CompilerServices;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.Extensions.Options;
using Refit;

namespace ApiPlatform.ProcessApis.Reconciliation.Sources;

/// <summary>Pages through the erp and finance list APIs with a bounded page size; only one page is held at a time.</summary>
public sealed class SystemApiDocumentSource(IErpApi erp, IFinanceApi finance, IOptions<ReconciliationOptions> options) : IDocumentSource
{
    private int PageSize => options.Value.PageSize;

    public IAsyncEnumerable<SalesOrder> SalesOrdersAsync(string tenant, CancellationToken cancellationToken) =>
        Offset((offset, limit, ct) => erp.ListSalesOrdersAsync(tenant, null, null, offset, limit, ct), cancellationToken);

    public IAsyncEnumerable<Invoice> InvoicesAsync(string tenant, CancellationToken cancellationToken) =>
        Offset((offset, limit, ct) => finance.ListInvoicesAsync(tenant, null, null, null, offset, limit, ct), cancellationToken);

    public IAsyncEnumerable<Payment> PaymentsAsync(string tenant, CancellationToken cancellationToken) =>
        Offset((offset, limit, ct) => finance.ListPaymentsAsync(tenant, null, offset, limit, ct), cancellationToken);

    public IAsyncEnumerable<JournalEntry> JournalEntriesAsync(string tenant, ReconciliationPeriod period, CancellationToken cancellationToken) =>
        Offset((offset, limit, ct) => finance.ListJournalEntriesAsync(tenant, period.ToString(), null, offset, limit, ct), cancellationToken);

    public async IAsyncEnumerable<BillingEvent> BillingEventsAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            using var response = await finance.ListBillingEventsAsync(tenant, Math.Min(PageSize, 100), cursor, cancellationToken);
            var page = response.Require();
            foreach (var item in page.Items)
            {
                yield return item;
            }
            cursor = page.Next;
        }
        while (cursor is not null);
    }

    private async IAsyncEnumerable<T> Offset<T>(
        Func<int, int, CancellationToken, Task<IApiResponse<Page<T>>>> list, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var offset = 0; ;)
        {
            Page<T> page;
            using (var response = await list(offset, PageSize, cancellationToken))
            {
                page = response.Require();
            }
            foreach (var item in page.Items)
            {
                yield return item;
            }
            offset += page.Items.Count;
            if (page.Items.Count == 0 || offset >= page.Total)
            {
                yield break;
            }
        }
    }
}
