using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Crm.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder v1)
    {
        var accounts = v1.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts).WithName("listAccounts")
            .WithSummary("List the accounts the caller may see, filtered by name, parent account or country").ProducesProblem(502).ProducesProblem(503);
        accounts.MapGet("/{id}", GetAccount).WithName("getAccount").WithSummary("Get one account").ProducesProblem(404).ProducesProblem(502);
        accounts.MapPost("/", CreateAccount).WithValidation<CreateAccountRequest>().WithName("createAccount")
            .WithSummary("Create an account in the tenant's CRM; a repeat with the same Idempotency-Key answers the same account")
            .ProducesProblem(403).ProducesProblem(422).ProducesProblem(502);
        accounts.MapPut("/{id}", UpdateAccount).WithValidation<UpdateAccountRequest>().WithName("updateAccount")
            .WithSummary("Update an account's name, parent, country, currency and industry").ProducesProblem(404).ProducesProblem(422).ProducesProblem(502);
        return accounts;
    }

    public static async Task<Ok<Page<Account>>> ListAccounts(
        [AsParameters] PageRequest page, string? name, string? parentAccountId, string? country,
        [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return TypedResults.Ok(await connector.ListAccountsAsync(resolved, new AccountFilter(name, parentAccountId, country), page, cancellationToken));
    }

    public static async Task<Results<Ok<Account>, NotFound>> GetAccount(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return await connector.GetAccountAsync(resolved, id, cancellationToken) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Account>, Ok<Account>, ProblemHttpResult>> CreateAccount(
        CreateAccountRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] CrmRequest crm,
        CancellationToken cancellationToken)
    {
        var (connector, tenant) = crm.For(request.Tenant);
        if (request.ParentAccountId is { } parent && await AccountHierarchy.CheckParentAsync(connector, tenant, null, parent, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var written = await crm.Changes.InTransactionAsync(async () =>
        {
            var created = await connector.CreateAccountAsync(request, crm.CreationKeyFor(idempotencyKey), cancellationToken);
            await crm.Changes.AccountChangedAsync(created.Record, cancellationToken);
            return created;
        }, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/accounts/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Results<Ok<Account>, NotFound, ProblemHttpResult>> UpdateAccount(
        string id, UpdateAccountRequest request, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        if (request.ParentAccountId is { } parent && await AccountHierarchy.CheckParentAsync(connector, resolved, id, parent, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var account = await crm.Changes.InTransactionAsync(async () =>
        {
            var updated = await connector.UpdateAccountAsync(resolved, id, request, cancellationToken);
            if (updated is not null)
            {
                await crm.Changes.AccountChangedAsync(updated, cancellationToken);
            }
            return updated;
        }, cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(account);
    }
}
