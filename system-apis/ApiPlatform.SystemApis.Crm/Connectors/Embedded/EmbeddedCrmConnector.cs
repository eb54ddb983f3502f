using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Connectors.Embedded;

/// <summary>The embedded reference CRM: its own database, the same canonical interface as the vendor CRMs.</summary>
internal sealed partial class EmbeddedCrmConnector(CrmDbContext db, TimeProvider time) : ICrmConnector
{
    public string System => Quotes.QuotePricing.EmbeddedCrm;

    public async Task<Page<Account>> ListAccountsAsync(string? tenant, AccountFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = OfTenant(db.Accounts.AsNoTracking(), tenant);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            query = query.Where(a => a.Name.Contains(filter.Name));
        }
        if (filter.ParentAccountId is not null)
        {
            query = query.Where(a => a.ParentAccountId == filter.ParentAccountId);
        }
        if (filter.Country is not null)
        {
            query = query.Where(a => a.Country == filter.Country);
        }
        return await query.OrderBy(a => a.Name).ThenBy(a => a.Id).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Account?> GetAccountAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await OfTenant(db.Accounts.AsNoTracking(), tenant).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } account
            ? EmbeddedMapping.ToContract(account)
            : null;

    public async Task<Written<Account>> CreateAccountAsync(CreateAccountRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var account = new AccountEntity
        {
            Id = $"acc-{Guid.NewGuid():N}",
            Tenant = request.Tenant,
            Name = request.Name,
            ParentAccountId = request.ParentAccountId,
            Country = request.Country,
            Currency = request.Currency,
            Industry = request.Industry,
            UpdatedAt = time.GetUtcNow(),
            CreationKey = creationKey,
        };
        return await AddOnceAsync(db.Accounts, account, a => a.Tenant == request.Tenant && a.CreationKey == creationKey, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Account?> UpdateAccountAsync(string? tenant, string id, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        var account = await OfTenant(db.Accounts, tenant).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        account.Name = request.Name;
        account.ParentAccountId = request.ParentAccountId;
        account.Country = request.Country;
        account.Currency = request.Currency;
        account.Industry = request.Industry;
        account.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return EmbeddedMapping.ToContract(account);
    }
}
