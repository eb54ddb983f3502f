using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

internal sealed partial class HubSpotCrmConnector
{
    private static readonly string[] CompanyProperties = ["name", "country", "industry", "hs_parent_company_id", "apiplatform_currency", "hs_lastmodifieddate"];

    public Task<Page<Account>> ListAccountsAsync(string? tenant, AccountFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        var filters = new List<HubSpotFilter>();
        if (filter.Name is not null)
        {
            filters.Add(new HubSpotFilter("name", "CONTAINS_TOKEN", $"*{filter.Name}*"));
        }
        if (filter.ParentAccountId is not null)
        {
            filters.Add(new HubSpotFilter("hs_parent_company_id", "EQ", filter.ParentAccountId));
        }
        if (filter.Country is not null)
        {
            filters.Add(new HubSpotFilter("country", "EQ", filter.Country));
        }
        return SearchPageAsync("companies", filters, CompanyProperties, new HubSpotSort("name", "ASCENDING"), page, ToAccount(owner), cancellationToken);
    }

    public async Task<Account?> GetAccountAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return await GetObjectAsync("companies", id, CompanyProperties, null, cancellationToken) is { } company ? await Call(() => Task.FromResult(ToAccount(owner)(company))) : null;
    }

    public async Task<Written<Account>> CreateAccountAsync(CreateAccountRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var (company, created) = await CreateOnceAsync("companies", creationKey,
            new HubSpotWrite(CompanyWrite(request.Name, request.ParentAccountId, request.Country, request.Currency, request.Industry)), CompanyProperties, cancellationToken);
        return new Written<Account>(await Call(() => Task.FromResult(ToAccount(request.Tenant)(company))), created);
    }

    public async Task<Account?> UpdateAccountAsync(string? tenant, string id, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (await GetObjectAsync("companies", id, CompanyProperties, null, cancellationToken) is null)
        {
            return null;
        }

        var write = new HubSpotWrite(CompanyWrite(request.Name, request.ParentAccountId, request.Country, request.Currency, request.Industry));
        return await Call(async () => ToAccount(owner)(await api.UpdateAsync("companies", id, write, cancellationToken)));
    }

    private Func<HubSpotObject, Account> ToAccount(string tenant) => o => HubSpotMapping.ToAccount(o, tenant, options.Value.CompanyCurrency);

    private static Dictionary<string, string?> CompanyWrite(string name, string? parentId, string country, string currency, string? industry) => new()
    {
        ["name"] = name,
        ["hs_parent_company_id"] = parentId,
        ["country"] = country,
        ["apiplatform_currency"] = currency,
        ["industry"] = industry,
    };
}
