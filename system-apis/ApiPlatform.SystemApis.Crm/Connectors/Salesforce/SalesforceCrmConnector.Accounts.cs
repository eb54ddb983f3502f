using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

internal sealed partial class SalesforceCrmConnector
{
    private const string AccountFields = "Id, Name, ParentId, BillingCountryCode, CurrencyIsoCode, Industry, LastModifiedDate";

    public Task<Page<Account>> ListAccountsAsync(string? tenant, AccountFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (filter.ParentAccountId is not null && !Soql.IsId(filter.ParentAccountId))
        {
            return Task.FromResult(new Page<Account>([], 0, page.Skip, page.Take));
        }

        var soql = $"SELECT {AccountFields} FROM Account" + Soql.Where(
            filter.Name is null ? null : $"Name LIKE {Soql.Contains(filter.Name)}",
            filter.ParentAccountId is null ? null : $"ParentId = {Soql.Literal(filter.ParentAccountId)}",
            filter.Country is null ? null : $"BillingCountryCode = {Soql.Literal(filter.Country)}") + " ORDER BY Name, Id";
        return PageAsync<SalesforceAccount, Account>(soql, page, a => SalesforceMapping.ToAccount(a, owner), cancellationToken);
    }

    public Task<Account?> GetAccountAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return Soql.IsId(id)
            ? SingleAsync<SalesforceAccount, Account>($"SELECT {AccountFields} FROM Account WHERE Id = {Soql.Literal(id)}", a => SalesforceMapping.ToAccount(a, owner), cancellationToken)
            : Task.FromResult<Account?>(null);
    }

    public async Task<Written<Account>> CreateAccountAsync(CreateAccountRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var result = await UpsertAsync("Account", creationKey, AccountFieldsOf(request.Name, request.ParentAccountId, request.Country, request.Currency, request.Industry), cancellationToken);
        var account = await SingleAsync<SalesforceAccount, Account>(
            $"SELECT {AccountFields} FROM Account WHERE {KeyField} = {Soql.Literal(creationKey)}", a => SalesforceMapping.ToAccount(a, request.Tenant), cancellationToken);
        return new Written<Account>(account ?? throw UpstreamProblems.BadAnswer(SystemName, "no account after its upsert"), result?.Created ?? false);
    }

    public async Task<Account?> UpdateAccountAsync(string? tenant, string id, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        if (await GetAccountAsync(tenant, id, cancellationToken) is null)
        {
            return null;
        }

        await Call(async () =>
        {
            await api.UpdateAsync(Version, "Account", id, AccountFieldsOf(request.Name, request.ParentAccountId, request.Country, request.Currency, request.Industry), cancellationToken);
            return true;
        });
        return await GetAccountAsync(tenant, id, cancellationToken);
    }

    private static Dictionary<string, object?> AccountFieldsOf(string name, string? parentId, string country, string currency, string? industry) => new()
    {
        ["Name"] = name,
        ["ParentId"] = parentId,
        ["BillingCountryCode"] = country,
        ["CurrencyIsoCode"] = currency,
        ["Industry"] = industry,
    };
}
