using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
        [AsParameters] PageRequest page, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var resolved = erp.EmbeddedTenant(tenant);
        var query = erp.Db.Suppliers.AsNoTracking().Where(s => resolved == null || s.Tenant == resolved);
        return TypedResults.Ok(await query.OrderBy(s => s.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Supplier>, NotFound>> GetSupplier(string id, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await erp.Db.Suppliers.AsNoTracking().VisibleTo(erp.User).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } supplier
            ? TypedResults.Ok(EmbeddedMapping.ToContract(supplier))
            : TypedResults.NotFound();

    public static async Task<Created<Supplier>> CreateSupplier(CreateSupplierRequest request, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(request.Tenant);
        var id = Guid.NewGuid().ToString("N");
        var supplier = new SupplierEntity
        {
            Id = $"sup-{id}", Tenant = request.Tenant, Number = $"V-{id[..10].ToUpperInvariant()}", Name = request.Name, Country = request.Country,
            Currency = request.Currency, PaymentTermsDays = request.PaymentTermsDays,
        };
        erp.Db.Suppliers.Add(supplier);
        await erp.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/suppliers/{supplier.Id}", EmbeddedMapping.ToContract(supplier));
    }
}
