using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.SystemApis.Erp.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder v1)
    {
        var products = v1.MapGroup("/products").WithTags("Products");
        products.MapGet("/", ListProducts).WithName("listProducts").WithSummary("List products, optionally matching a SKU or name").ProducesProblem(502);
        products.MapGet("/{sku}", GetProduct).WithName("getProduct").WithSummary("Get one product by SKU").ProducesProblem(404).ProducesProblem(502);

        var priceLists = v1.MapGroup("/price-lists").WithTags("Products");
        priceLists.MapGet("/", ListPriceLists).WithName("listPriceLists").WithSummary("List the price lists valid for a tenant, optionally in one currency");
        priceLists.MapGet("/{id}", GetPriceList).WithName("getPriceList").WithSummary("Get one price list with its prices and price breaks").ProducesProblem(404);
        return products;
    }

    public static async Task<Ok<Page<Product>>> ListProducts(
        [AsParameters] PageRequest page, string? search, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var (connector, resolved) = erp.For(tenant);
        return TypedResults.Ok(await connector.ListProductsAsync(resolved, search, page, cancellationToken));
    }

    public static async Task<Results<Ok<Product>, NotFound>> GetProduct(
        string sku, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var (connector, resolved) = erp.For(tenant);
        return await connector.GetProductAsync(resolved, sku, cancellationToken) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();
    }

    public static async Task<Ok<List<PriceList>>> ListPriceLists(
        string? currency, [FromQuery] string? tenant, PriceListBook priceLists, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        TypedResults.Ok(await priceLists.ListAsync(erp.EmbeddedTenant(tenant), currency, cancellationToken));

    public static async Task<Results<Ok<PriceList>, NotFound>> GetPriceList(
        string id, [FromQuery] string? tenant, PriceListBook priceLists, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await priceLists.GetAsync(erp.EmbeddedTenant(tenant), id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}
