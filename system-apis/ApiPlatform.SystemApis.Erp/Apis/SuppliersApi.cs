using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Procurement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class SuppliersApi
{
    public static RouteGroupBuilder MapSuppliersApi(this RouteGroupBuilder v1)
    {
        var suppliers = v1.MapGroup("/suppliers").WithTags("Procurement");
        suppliers.MapGet("/", ListSuppliers).WithName("listSuppliers").WithSummary("List suppliers");
        suppliers.MapGet("/{id}", GetSupplier).WithName("getSupplier").WithSummary("Get one supplier").ProducesProblem(404);
        suppliers.MapPost("/", CreateSupplier).WithValidation<CreateSupplierRequest>().WithName("createSupplier")
            .WithSummary("Create a supplier").ProducesProblem(403).ProducesProblem(501);
        return suppliers;
    }

    public static async Task<Ok<Page<Supplier>>> ListSuppliers(
        [AsParameters] PageRequest page, [FromQuery] string? tenant, SupplierRegister suppliers, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        TypedResults.Ok(await suppliers.ListAsync(erp.EmbeddedTenant(tenant), page, cancellationToken));

    public static async Task<Results<Ok<Supplier>, NotFound>> GetSupplier(
        string id, SupplierRegister suppliers, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await suppliers.GetAsync(erp.User, id, cancellationToken) is { } supplier ? TypedResults.Ok(supplier) : TypedResults.NotFound();

    public static async Task<Created<Supplier>> CreateSupplier(
        CreateSupplierRequest request, SupplierRegister suppliers, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(request.Tenant);
        var supplier = await suppliers.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/v1/suppliers/{supplier.Id}", supplier);
    }
}
