using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Connectors.Embedded;

internal sealed partial class EmbeddedCrmConnector
{
    public async Task<Page<Contact>> ListContactsAsync(string? tenant, string? accountId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = OfTenant(db.Contacts.AsNoTracking(), tenant);
        if (accountId is not null)
        {
            query = query.Where(c => c.AccountId == accountId);
        }
        return await query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Contact?> GetContactAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await OfTenant(db.Contacts.AsNoTracking(), tenant).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } contact
            ? EmbeddedMapping.ToContract(contact)
            : null;

    public Task<Written<Contact>> CreateContactAsync(CreateContactRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var contact = new ContactEntity
        {
            Id = $"con-{Guid.NewGuid():N}",
            Tenant = request.Tenant,
            AccountId = request.AccountId,
            FirstName = request.FirstName,
            LastName = request.LastName,
            Email = request.Email,
            Phone = request.Phone,
            Title = request.Title,
            CreationKey = creationKey,
        };
        return AddOnceAsync(db.Contacts, contact, c => c.Tenant == request.Tenant && c.CreationKey == creationKey, EmbeddedMapping.ToContract, cancellationToken);
    }
}
