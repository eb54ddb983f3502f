using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Connectors.Embedded;

/// <summary>The embedded reference ERP: its own database, the same canonical interface as SAP.</summary>
internal sealed partial class EmbeddedErpConnector(ErpDbContext db, TimeProvider time) : IErpConnector
{
    public string System => EmbeddedMapping.System;

    public async Task<Page<Customer>> ListCustomersAsync(string? tenant, string? crmAccountId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = OfTenant(db.Customers.AsNoTracking(), tenant);
        if (crmAccountId is not null)
        {
            query = query.Where(c => c.CrmAccountId == crmAccountId);
        }
        return await query.OrderBy(c => c.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Customer?> GetCustomerAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await OfTenant(db.Customers.AsNoTracking(), tenant).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } customer
            ? EmbeddedMapping.ToContract(customer)
            : null;

    public async Task<Written<Customer>> UpsertCustomerAsync(UpsertCustomerRequest request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Tenant == request.Tenant && c.CrmAccountId == request.CrmAccountId, cancellationToken);
        var created = customer is null;
        if (customer is null)
        {
            var id = Guid.NewGuid().ToString("N");
            customer = new CustomerEntity
            {
                Id = $"cus-{id}", Tenant = request.Tenant, Number = $"C-{id[..10].ToUpperInvariant()}", CrmAccountId = request.CrmAccountId,
                Name = request.Name, Country = request.Country, Currency = request.Currency,
            };
            db.Customers.Add(customer);
        }

        customer.Name = request.Name;
        customer.Country = request.Country;
        customer.Currency = request.Currency;
        (customer.Line1, customer.Line2, customer.City, customer.PostalCode, customer.Region) = request.BillingAddress is { } a
            ? (a.Line1, a.Line2, a.City, a.PostalCode, a.Region)
            : (customer.Line1, customer.Line2, customer.City, customer.PostalCode, customer.Region);
        customer.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            // The same account was synchronized concurrently: the other write made the customer; apply this one over it.
            db.ChangeTracker.Clear();
            return new Written<Customer>((await UpsertCustomerAsync(request, cancellationToken)).Record, Created: false);
        }
        return new Written<Customer>(EmbeddedMapping.ToContract(customer), created);
    }

    public async Task<Page<Product>> ListProductsAsync(string? tenant, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(p => p.Sku.Contains(search) || p.Name.Contains(search));
        }
        return await query.OrderBy(p => p.Sku).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Product?> GetProductAsync(string? tenant, string sku, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken) is { } product ? EmbeddedMapping.ToContract(product) : null;

    private static IQueryable<T> OfTenant<T>(IQueryable<T> records, string? tenant) where T : class, ITenantOwned =>
        tenant is null ? records : records.Where(r => r.Tenant == tenant);
}
