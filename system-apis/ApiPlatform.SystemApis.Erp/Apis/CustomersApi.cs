using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        var customers = v1.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", ListCustomers).WithName("listCustomers").WithSummary("List customers, optionally the one of a CRM account").ProducesProblem(502);
        customers.MapGet("/{id}", GetCustomer).WithName("getCustomer").WithSummary("Get one customer").ProducesProblem(404).ProducesProblem(502);
        customers.MapPost("/", UpsertCustomer).WithValidation<UpsertCustomerRequest>().WithName("upsertCustomer")
            .WithSummary("Create the customer of a CRM account, or update it when it exists (master-data sync; safe to repeat)")
            .ProducesProblem(403).ProducesProblem(502);
        return customers;
    }

    public static async Task<Ok<Page<Customer>>> ListCustomers(
        [AsParameters] PageRequest page, string? crmAccountId, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var (connector, resolved) = erp.For(tenant);
        return TypedResults.Ok(await connector.ListCustomersAsync(resolved, crmAccountId, page, cancellationToken));
    }

    public static async Task<Results<Ok<Customer>, NotFound>> GetCustomer(
        string id, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var (connector, resolved) = erp.For(tenant);
        return await connector.GetCustomerAsync(resolved, id, cancellationToken) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Customer>, Ok<Customer>>> UpsertCustomer(
        UpsertCustomerRequest request, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var (connector, _) = erp.For(request.Tenant);
        var written = await connector.UpsertCustomerAsync(request, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/customers/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }
}
