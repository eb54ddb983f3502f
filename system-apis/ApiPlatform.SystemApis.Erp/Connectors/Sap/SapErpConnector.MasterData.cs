using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

internal sealed partial class SapErpConnector
{
    private const string CustomerFilter = "BusinessPartnerCategory eq '2'";
    private const string AddressExpand = "to_BusinessPartnerAddress";

    public Task<Page<Customer>> ListCustomersAsync(string? tenant, string? crmAccountId, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        var filter = crmAccountId is null ? CustomerFilter : $"{CustomerFilter} and BusinessPartnerIDByExtSystem eq {Literal(crmAccountId)}";
        return PageAsync(q => api.ListBusinessPartnersAsync(q, cancellationToken), filter, AddressExpand, "BusinessPartner", page,
            (SapBusinessPartner bp) => SapMapping.ToCustomer(bp, owner, options.Value.CustomerCurrency));
    }

    public Task<Customer?> GetCustomerAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return SapMapping.IsKey(id)
            ? Call(async () => await FindAsync(() => api.GetBusinessPartnerAsync(id, cancellationToken)) is { } bp ? SapMapping.ToCustomer(bp, owner, options.Value.CustomerCurrency) : null)
            : Task.FromResult<Customer?>(null);
    }

    public async Task<Written<Customer>> UpsertCustomerAsync(UpsertCustomerRequest request, CancellationToken cancellationToken)
    {
        var existing = await ListCustomersAsync(request.Tenant, request.CrmAccountId, new PageRequest(0, 1), cancellationToken);
        if (existing.Items.FirstOrDefault() is { } customer)
        {
            await Call(async () =>
            {
                await api.UpdateBusinessPartnerAsync(customer.Id, new SapBusinessPartnerUpdate(request.Name), cancellationToken);
                return true;
            });
            return new Written<Customer>(await GetCustomerAsync(request.Tenant, customer.Id, cancellationToken)
                ?? throw UpstreamProblems.BadAnswer(SystemName, "no business partner after its update"), Created: false);
        }

        var address = request.BillingAddress;
        var create = new SapBusinessPartnerCreate("2", request.Name, request.CrmAccountId, new ODataResults<SapRole>([new SapRole("FLCU01")]),
            new ODataResults<SapAddress>([new SapAddress(request.Country, address?.City, address?.PostalCode, address?.Line1, null, address?.Region)]));
        var created = await Call(async () => (await api.CreateBusinessPartnerAsync(create, cancellationToken)).Data
            ?? throw new UpstreamContractException("an answer without 'd'", "d"));
        return new Written<Customer>(await Call(() => Task.FromResult(SapMapping.ToCustomer(created, request.Tenant, options.Value.CustomerCurrency))), Created: true);
    }

    public Task<Page<Product>> ListProductsAsync(string? tenant, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        RequireTenant(tenant);
        var filter = string.IsNullOrWhiteSpace(search) ? null : $"substringof({Literal(search)}, Product)";
        return PageAsync(q => api.ListProductsAsync(q, cancellationToken), filter, "to_Description", "Product", page, (SapProduct p) => SapMapping.ToProduct(p));
    }

    public Task<Product?> GetProductAsync(string? tenant, string sku, CancellationToken cancellationToken)
    {
        RequireTenant(tenant);
        return sku.Length is > 0 and <= 40 && sku.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Call(async () => await FindAsync(() => api.GetProductAsync(sku, cancellationToken)) is { } product ? SapMapping.ToProduct(product) : null)
            : Task.FromResult<Product?>(null);
    }
}
