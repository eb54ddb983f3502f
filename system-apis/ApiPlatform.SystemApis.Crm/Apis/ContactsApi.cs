using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder v1)
    {
        var contacts = v1.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", ListContacts).WithName("listContacts").WithSummary("List contacts, optionally of one account").ProducesProblem(502);
        contacts.MapGet("/{id}", GetContact).WithName("getContact").WithSummary("Get one contact").ProducesProblem(404).ProducesProblem(502);
        contacts.MapPost("/", CreateContact).WithValidation<CreateContactRequest>().WithName("createContact")
            .WithSummary("Create a contact; a repeat with the same Idempotency-Key answers the same contact")
            .ProducesProblem(403).ProducesProblem(422).ProducesProblem(502);
        return contacts;
    }

    public static async Task<Ok<Page<Contact>>> ListContacts(
        [AsParameters] PageRequest page, string? accountId, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return TypedResults.Ok(await connector.ListContactsAsync(resolved, accountId, page, cancellationToken));
    }

    public static async Task<Results<Ok<Contact>, NotFound>> GetContact(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return await connector.GetContactAsync(resolved, id, cancellationToken) is { } contact ? TypedResults.Ok(contact) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Contact>, Ok<Contact>, ProblemHttpResult>> CreateContact(
        CreateContactRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] CrmRequest crm,
        CancellationToken cancellationToken)
    {
        var (connector, tenant) = crm.For(request.Tenant);
        if (request.AccountId is { } accountId && await AccountReference.CheckAsync(connector, tenant, accountId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var written = await connector.CreateContactAsync(request, crm.CreationKeyFor(idempotencyKey), cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/contacts/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }
}
