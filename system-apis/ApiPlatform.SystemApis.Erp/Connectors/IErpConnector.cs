using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;

namespace ApiPlatform.SystemApis.Erp.Connectors;

/// <summary>
/// An ERP system of record in canonical terms: customers (master data from CRM), products and sales orders.
/// <c>tenant</c> is null only for internal callers of the default connector, who see all its tenants.
/// </summary>
public interface IErpConnector
{
    /// <summary>The system of record's name, as written in <see cref="SourceReference.System"/> and in problems.</summary>
    string System { get; }

    Task<Page<Customer>> ListCustomersAsync(string? tenant, string? crmAccountId, PageRequest page, CancellationToken cancellationToken);
    Task<Customer?> GetCustomerAsync(string? tenant, string id, CancellationToken cancellationToken);

    /// <summary>Creates the customer of a CRM account or updates it: the CRM account id is the upsert key.</summary>
    Task<Written<Customer>> UpsertCustomerAsync(UpsertCustomerRequest request, CancellationToken cancellationToken);

    Task<Page<Product>> ListProductsAsync(string? tenant, string? search, PageRequest page, CancellationToken cancellationToken);
    Task<Product?> GetProductAsync(string? tenant, string sku, CancellationToken cancellationToken);

    /// <summary>Creates a sales order once per client and key; a repeat answers the first order, or says the key was reused.</summary>
    Task<SalesOrderWrite> CreateSalesOrderAsync(CreateSalesOrderRequest request, OrderKey key, CancellationToken cancellationToken);
    Task<SalesOrder?> GetSalesOrderAsync(string? tenant, string id, CancellationToken cancellationToken);
    Task<Page<SalesOrder>> ListSalesOrdersAsync(
        string? tenant, string? customerAccountId, SalesOrderStatus? status, PageRequest page, CancellationToken cancellationToken);
}

public sealed record Written<T>(T Record, bool Created);

/// <summary>Who asked for an order under which Idempotency-Key, and the hash of what they asked.</summary>
public sealed record OrderKey(string Client, string IdempotencyKey, string RequestHash)
{
    /// <summary>32 hex characters of the scoped key, short enough for any ERP's reference field.</summary>
    public string Reference => Convert.ToHexStringLower(global::System.Security.Cryptography.SHA256.HashData(
        global::System.Text.Encoding.UTF8.GetBytes($"{Client}\n{IdempotencyKey}")))[..32];
}

public sealed record SalesOrderWrite(SalesOrder Order, bool Created, bool KeyReused);
