using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

internal sealed partial class SapErpConnector
{
    public async Task<SalesOrderWrite> CreateSalesOrderAsync(CreateSalesOrderRequest request, OrderKey key, CancellationToken cancellationToken)
    {
        var soldTo = await BusinessPartnerOfAsync(request.Tenant, request.CustomerAccountId, cancellationToken)
            ?? throw new ProblemException(422, ProblemTypes.BusinessRule, "Account not in SAP",
                $"No SAP business partner carries CRM account {request.CustomerAccountId} (BusinessPartnerIDByExtSystem); synchronize the account to SAP first.");
        var known = new Dictionary<string, string> { [soldTo] = request.CustomerAccountId };
        var reference = key.Reference;
        var earlier = await PageAsync(q => api.ListSalesOrdersAsync(q, cancellationToken), $"PurchaseOrderByCustomer eq {Literal(reference)}", "to_Item", "SalesOrder",
            new PageRequest(0, 1), (SapSalesOrder o) => SapMapping.ToSalesOrder(o, request.Tenant));
        if (earlier.Items.FirstOrDefault() is { } replay)
        {
            return new SalesOrderWrite((await WithAccountsAsync([replay], known, cancellationToken))[0], Created: false, KeyReused: false);
        }

        var settings = options.Value;
        var order = new SapSalesOrderCreate(settings.SalesOrderType, settings.SalesOrganization, settings.DistributionChannel, settings.Division, soldTo, reference,
            request.Currency, new ODataResults<SapSalesOrderItemCreate>(request.Lines.Select((l, i) => new SapSalesOrderItemCreate(
                ((i + 1) * 10).ToString(CultureInfo.InvariantCulture), l.Sku, l.Description.Length <= 40 ? l.Description : l.Description[..40],
                l.Quantity.ToString(CultureInfo.InvariantCulture),
                new ODataResults<SapPricingElement>([new SapPricingElement("PPR0", NetUnitPrice(l).ToString(CultureInfo.InvariantCulture), request.Currency)])))
                .ToList()));
        var created = await Call(async () => SapMapping.ToSalesOrder(
            (await api.CreateSalesOrderAsync(order, cancellationToken)).Data ?? throw new UpstreamContractException("an answer without 'd'", "d"), request.Tenant));
        return new SalesOrderWrite((await WithAccountsAsync([created], known, cancellationToken))[0], Created: true, KeyReused: false);
    }

    public async Task<SalesOrder?> GetSalesOrderAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (!SapMapping.IsKey(id))
        {
            return null;
        }
        var order = await Call(async () => await FindAsync(() => api.GetSalesOrderAsync(id, cancellationToken)) is { } found ? SapMapping.ToSalesOrder(found, owner) : null);
        return order is null ? null : (await WithAccountsAsync([order], [], cancellationToken))[0];
    }

    public async Task<Page<SalesOrder>> ListSalesOrdersAsync(
        string? tenant, string? customerAccountId, SalesOrderStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        var filters = new List<string>();
        var known = new Dictionary<string, string>();
        if (customerAccountId is not null)
        {
            if (await BusinessPartnerOfAsync(owner, customerAccountId, cancellationToken) is not { } soldTo)
            {
                return new Page<SalesOrder>([], 0, page.Skip, page.Take);
            }
            known[soldTo] = customerAccountId;
            filters.Add($"SoldToParty eq {Literal(soldTo)}");
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
        var orders = await PageAsync(q => api.ListSalesOrdersAsync(q, cancellationToken), filters.Count == 0 ? null : string.Join(" and ", filters), "to_Item",
            "SalesOrder desc", page, (SapSalesOrder o) => SapMapping.ToSalesOrder(o, owner));
        return orders with { Items = await WithAccountsAsync(orders.Items, known, cancellationToken) };
    }

    /// <summary>
    /// The SAP business partner of a CRM account: the one whose <c>BusinessPartnerIDByExtSystem</c> ("business partner
    /// number in external system", where the master-data sync writes the CRM account id) is that id; null when none is.
    /// </summary>
    private async Task<string?> BusinessPartnerOfAsync(string tenant, string crmAccountId, CancellationToken cancellationToken) =>
        (await ListCustomersAsync(tenant, crmAccountId, new PageRequest(0, 1), cancellationToken)).Items.FirstOrDefault()?.Id;

    /// <summary>
    /// SAP orders carry their sold-to business partner; the canonical order carries the CRM account: each partner not yet
    /// <paramref name="known"/> is read (one query for the page) and its <c>BusinessPartnerIDByExtSystem</c> taken. An order
    /// sold to a partner no CRM account belongs to is a problem, never the partner number passed off as an account id.
    /// </summary>
    private async Task<IReadOnlyList<SalesOrder>> WithAccountsAsync(
        IReadOnlyList<SalesOrder> orders, Dictionary<string, string> known, CancellationToken cancellationToken)
    {
        var unknown = orders.Select(o => o.CustomerAccountId).Where(bp => !known.ContainsKey(bp)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var filter = string.Join(" or ", unknown.Select(bp => $"BusinessPartner eq {Literal(bp)}"));
            var partners = await PageAsync(q => api.ListBusinessPartnersAsync(q, cancellationToken), filter, AddressExpand, "BusinessPartner",
                new PageRequest(0, unknown.Count), (SapBusinessPartner bp) => SapMapping.ToCustomer(bp, orders[0].Tenant, options.Value.CustomerCurrency));
            foreach (var partner in partners.Items.Where(p => !string.IsNullOrEmpty(p.CrmAccountId)))
            {
                known[partner.Id] = partner.CrmAccountId!;
            }
        }

        return orders.Select(o => known.TryGetValue(o.CustomerAccountId, out var account)
            ? o with { CustomerAccountId = account }
            : throw new ProblemException(422, ProblemTypes.BusinessRule, "Customer has no CRM account",
                $"SAP sales order {o.Number} is sold to business partner {o.CustomerAccountId}, which carries no CRM account id (BusinessPartnerIDByExtSystem).")).ToList();
    }

    private static decimal NetUnitPrice(SalesOrderLineRequest line) =>
        Math.Round(line.UnitPrice.Amount * (100m - line.DiscountPercent) / 100m, 4, MidpointRounding.AwayFromZero);
}
