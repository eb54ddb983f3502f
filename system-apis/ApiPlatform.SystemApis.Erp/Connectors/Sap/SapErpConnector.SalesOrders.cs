using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Connectors.Upstream;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

internal sealed partial class SapErpConnector
{
    public async Task<SalesOrderWrite> CreateSalesOrderAsync(CreateSalesOrderRequest request, OrderKey key, CancellationToken cancellationToken)
    {
        var reference = key.Reference;
        var earlier = await PageAsync(q => api.ListSalesOrdersAsync(q, cancellationToken), $"PurchaseOrderByCustomer eq {Literal(reference)}", "to_Item", "SalesOrder",
            new PageRequest(0, 1), (SapSalesOrder o) => SapMapping.ToSalesOrder(o, request.Tenant));
        if (earlier.Items.FirstOrDefault() is { } replay)
        {
            return new SalesOrderWrite(replay, Created: false, KeyReused: false);
        }

        var soldTo = await SoldToPartyAsync(request, cancellationToken);
        var settings = options.Value;
        var order = new SapSalesOrderCreate(settings.SalesOrderType, settings.SalesOrganization, settings.DistributionChannel, settings.Division, soldTo, reference,
            request.Currency, new ODataResults<SapSalesOrderItemCreate>(request.Lines.Select((l, i) => new SapSalesOrderItemCreate(
                ((i + 1) * 10).ToString(CultureInfo.InvariantCulture), l.Sku, l.Description.Length <= 40 ? l.Description : l.Description[..40],
                l.Quantity.ToString(CultureInfo.InvariantCulture),
                new ODataResults<SapPricingElement>([new SapPricingElement("PPR0", NetUnitPrice(l).ToString(CultureInfo.InvariantCulture), request.Currency)])))
                .ToList()));
        var created = await Call(async () => SapMapping.ToSalesOrder(
            (await api.CreateSalesOrderAsync(order, cancellationToken)).Data ?? throw new UpstreamContractException("an answer without 'd'"), request.Tenant));
        return new SalesOrderWrite(created, Created: true, KeyReused: false);
    }

    public Task<SalesOrder?> GetSalesOrderAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return SapMapping.IsKey(id)
            ? Call(async () => await FindAsync(() => api.GetSalesOrderAsync(id, cancellationToken)) is { } order ? SapMapping.ToSalesOrder(order, owner) : null)
            : Task.FromResult<SalesOrder?>(null);
    }

    public Task<Page<SalesOrder>> ListSalesOrdersAsync(
        string? tenant, string? customerAccountId, SalesOrderStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        var filters = new List<string>();
        if (customerAccountId is not null)
        {
            filters.Add($"SoldToParty eq {Literal(customerAccountId)}");
        }
        if (status is { } wanted)
        {
            filters.Add(wanted switch
            {
                SalesOrderStatus.Open => "OverallSDProcessStatus eq 'A'",
                SalesOrderStatus.Released => "OverallSDProcessStatus eq 'B'",
                SalesOrderStatus.Shipped => "OverallSDProcessStatus eq 'C'",
                _ => "OverallSDDocumentRejectionSts eq 'C'",
            });
        }
        return PageAsync(q => api.ListSalesOrdersAsync(q, cancellationToken), filters.Count == 0 ? null : string.Join(" and ", filters), "to_Item", "SalesOrder desc",
            page, (SapSalesOrder o) => SapMapping.ToSalesOrder(o, owner));
    }

    /// <summary>The business partner of the order's CRM account (master data synchronized to SAP), or an SAP customer number given as is.</summary>
    private async Task<string> SoldToPartyAsync(CreateSalesOrderRequest request, CancellationToken cancellationToken)
    {
        var customers = await ListCustomersAsync(request.Tenant, request.CustomerAccountId, new PageRequest(0, 1), cancellationToken);
        if (customers.Items.FirstOrDefault() is { } customer)
        {
            return customer.Id;
        }
        return SapMapping.IsKey(request.CustomerAccountId) && await GetCustomerAsync(request.Tenant, request.CustomerAccountId, cancellationToken) is not null
            ? request.CustomerAccountId
            : throw new ProblemException(422, ProblemTypes.BusinessRule, "Customer not in SAP",
                $"No SAP business partner belongs to {request.CustomerAccountId}; synchronize the account to SAP first.");
    }

    private static decimal NetUnitPrice(SalesOrderLineRequest line) =>
        Math.Round(line.UnitPrice.Amount * (100m - line.DiscountPercent) / 100m, 4, MidpointRounding.AwayFromZero);
}
