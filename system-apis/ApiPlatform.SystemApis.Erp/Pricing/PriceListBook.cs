using ApiPlatform.Contracts.Erp;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Pricing;

/// <summary>The embedded ERP's price lists: a tenant sees its own and the lists of no tenant (the defaults); a caller of every tenant sees all.</summary>
public sealed class PriceListBook(ErpDbContext db)
{
    /// <summary>The tenant's own lists first, then the defaults.</summary>
    public async Task<List<PriceList>> ListAsync(string? tenant, string? currency, CancellationToken cancellationToken) =>
        (await db.PriceLists.AsNoTracking()
            .Where(l => (tenant == null || l.Tenant == null || l.Tenant == tenant) && (currency == null || l.Currency == currency))
            .OrderBy(l => l.Tenant == null).ThenBy(l => l.Id).ToListAsync(cancellationToken))
        .ConvertAll(EmbeddedMapping.ToContract);

    public async Task<PriceList?> GetAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await db.PriceLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && (l.Tenant == null || tenant == null || l.Tenant == tenant), cancellationToken) is { } list
            ? EmbeddedMapping.ToContract(list)
            : null;
}
