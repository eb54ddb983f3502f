using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

internal sealed partial class SalesforceCrmConnector
{
    private const string ContactFields = "Id, AccountId, FirstName, LastName, Email, Phone, Title";

    public Task<Page<Contact>> ListContactsAsync(string? tenant, string? accountId, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (accountId is not null && !Soql.IsId(accountId))
        {
            return Task.FromResult(new Page<Contact>([], 0, page.Skip, page.Take));
        }

        var soql = $"SELECT {ContactFields} FROM Contact" + Soql.Where(accountId is null ? null : $"AccountId = {Soql.Literal(accountId)}")
            + " ORDER BY LastName, FirstName, Id";
        return PageAsync<SalesforceContact, Contact>(soql, page, c => SalesforceMapping.ToContact(c, owner), cancellationToken);
    }

    public Task<Contact?> GetContactAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return Soql.IsId(id)
            ? SingleAsync<SalesforceContact, Contact>($"SELECT {ContactFields} FROM Contact WHERE Id = {Soql.Literal(id)}", c => SalesforceMapping.ToContact(c, owner), cancellationToken)
            : Task.FromResult<Contact?>(null);
    }

    public async Task<Written<Contact>> CreateContactAsync(CreateContactRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var result = await UpsertAsync("Contact", creationKey, new Dictionary<string, object?>
        {
            ["AccountId"] = request.AccountId,
            ["FirstName"] = request.FirstName,
            ["LastName"] = request.LastName,
            ["Email"] = request.Email,
            ["Phone"] = request.Phone,
            ["Title"] = request.Title,
        }, cancellationToken);
        var contact = await SingleAsync<SalesforceContact, Contact>(
            $"SELECT {ContactFields} FROM Contact WHERE {KeyField} = {Soql.Literal(creationKey)}", c => SalesforceMapping.ToContact(c, request.Tenant), cancellationToken);
        return new Written<Contact>(contact ?? throw UpstreamProblems.BadAnswer(SystemName, "no contact after its upsert"), result?.Created ?? false);
    }
}
