using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Apis;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder v1)
    {
        var accounts = v1.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts).WithName("listAccounts").WithSummary("List the accounts the caller may see");
        accounts.MapGet("/{id}", GetAccount).WithName("getAccount").WithSummary("Get one account").ProducesProblem(404);
        return accounts;
    }

    public static async Task<Ok<Page<Account>>> ListAccounts(
        [AsParameters] PageRequest page, string? name, CrmDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.Accounts.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(a => a.Name.Contains(name));
        }

        return TypedResults.Ok(await query.OrderBy(a => a.Name).ToPageAsync(page, ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Account>, NotFound>> GetAccount(
        string id, CrmDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(ToContract(account));
    }


    private static Account ToContract(AccountEntity a) =>
        new(a.Id, a.Tenant, a.Name, a.ParentAccountId, a.Country, a.Currency, new SourceReference("embedded-crm", a.Id));
}
