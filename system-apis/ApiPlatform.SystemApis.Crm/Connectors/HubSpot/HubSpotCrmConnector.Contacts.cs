using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

internal sealed partial class HubSpotCrmConnector
{
    private static readonly string[] ContactProperties = ["firstname", "lastname", "email", "phone", "jobtitle", "associatedcompanyid"];

    public Task<Page<Contact>> ListContactsAsync(string? tenant, string? accountId, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        List<HubSpotFilter> filters = accountId is null ? [] : [new HubSpotFilter("associatedcompanyid", "EQ", accountId)];
        return SearchPageAsync("contacts", filters, ContactProperties, new HubSpotSort("lastname", "ASCENDING"), page,
            o => HubSpotMapping.ToContact(o, owner), cancellationToken);
    }

    public async Task<Contact?> GetContactAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return await GetObjectAsync("contacts", id, ContactProperties, null, cancellationToken) is { } contact
            ? await Call(() => Task.FromResult(HubSpotMapping.ToContact(contact, owner)))
            : null;
    }

    public async Task<Written<Contact>> CreateContactAsync(CreateContactRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var write = new HubSpotWrite(new Dictionary<string, string?>
        {
            ["firstname"] = request.FirstName,
            ["lastname"] = request.LastName,
            ["email"] = request.Email,
            ["phone"] = request.Phone,
            ["jobtitle"] = request.Title,
            ["associatedcompanyid"] = request.AccountId,
        });
        var (contact, created) = await CreateOnceAsync("contacts", creationKey, write, ContactProperties, cancellationToken);
        return new Written<Contact>(await Call(() => Task.FromResult(HubSpotMapping.ToContact(contact, request.Tenant))), created);
    }
}
