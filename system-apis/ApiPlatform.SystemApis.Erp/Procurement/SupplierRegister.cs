using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Procurement;

/// <summary>The embedded ERP's suppliers, each of one tenant, numbered by the ERP.</summary>
public sealed class SupplierRegister(ErpDbContext db)
{
    /// <summary>The suppliers of <paramref name="tenant"/>, or of every tenant when it is null.</summary>
    public Task<Page<Supplier>> ListAsync(string? tenant, PageRequest page, CancellationToken cancellationToken) =>
        db.Suppliers.AsNoTracking().Where(s => tenant == null || s.Tenant == tenant).OrderBy(s => s.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);

    public async Task<Supplier?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.Suppliers.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } supplier
            ? EmbeddedMapping.ToContract(supplier)
            : null;

    public async Task<Supplier> CreateAsync(CreateSupplierRequest request, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var supplier = new SupplierEntity
        {
            Id = $"sup-{id}", Tenant = request.Tenant, Number = $"V-{id[..10].ToUpperInvariant()}", Name = request.Name, Country = request.Country,
            Currency = request.Currency, PaymentTermsDays = request.PaymentTermsDays,
        };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(cancellationToken);
        return EmbeddedMapping.ToContract(supplier);
    }
}
