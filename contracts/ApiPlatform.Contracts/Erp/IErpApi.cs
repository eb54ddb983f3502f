using Refit;

namespace ApiPlatform.Contracts.Erp;

/// <summary>Typed client of the erp system API, v1.</summary>
public interface IErpApi
{
    [Post("/v1/sales-orders")]
    Task<IApiResponse<SalesOrder>> CreateSalesOrderAsync([Body] CreateSalesOrderRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/sales-orders/{id}")]
    Task<IApiResponse<SalesOrder>> GetSalesOrderAsync(string id, CancellationToken cancellationToken);

    [Get("/v1/sales-orders")]
    Task<IApiResponse<Page<SalesOrder>>> ListSalesOrdersAsync(
        [Query] string? tenant, [Query] string? customerAccountId, [Query] SalesOrderStatus? status, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Get("/v1/sales-orders/{id}/status")]
    Task<IApiResponse<SalesOrderTracking>> GetSalesOrderStatusAsync(string id, CancellationToken cancellationToken);

    /// <summary>Cancelling is idempotent in effect: a second cancel answers 409 and changes nothing.</summary>
    [Post("/v1/sales-orders/{id}/cancel")]
    Task<IApiResponse<SalesOrderTracking>> CancelSalesOrderAsync(string id, [Body] CancelSalesOrderRequest request, CancellationToken cancellationToken);

    [Post("/v1/sales-orders/{id}/shipments")]
    Task<IApiResponse<Shipment>> FulfilSalesOrderAsync(string id, [Body] FulfilSalesOrderRequest request, CancellationToken cancellationToken);

    [Post("/v1/customers")]
    Task<IApiResponse<Customer>> UpsertCustomerAsync([Body] UpsertCustomerRequest request, CancellationToken cancellationToken);

    [Get("/v1/customers")]
    Task<IApiResponse<Page<Customer>>> ListCustomersAsync([Query] string? tenant, [Query] string? crmAccountId, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Get("/v1/products/{sku}")]
    Task<IApiResponse<Product>> GetProductAsync(string sku, CancellationToken cancellationToken);

    [Get("/v1/inventory/{sku}")]
    Task<IApiResponse<List<InventoryAvailability>>> GetInventoryAsync(string sku, CancellationToken cancellationToken);

    /// <summary>A repeat with the same key (per tenant) answers the first reservation: 201 when made, 200 on a replay.</summary>
    [Post("/v1/reservations")]
    Task<IApiResponse<Reservation>> ReserveAsync(
        [Body] CreateReservationRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Releasing is idempotent in effect: a reservation no longer active answers 409 and changes nothing.</summary>
    [Post("/v1/reservations/{id}/release")]
    Task<IApiResponse<Reservation>> ReleaseReservationAsync(string id, CancellationToken cancellationToken);

    [Post("/v1/purchase-orders")]
    Task<IApiResponse<PurchaseOrder>> CreatePurchaseOrderAsync(
        [Body] CreatePurchaseOrderRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/purchase-orders/{id}")]
    Task<IApiResponse<PurchaseOrder>> GetPurchaseOrderAsync(string id, CancellationToken cancellationToken);

    [Post("/v1/purchase-orders/{id}/cancel")]
    Task<IApiResponse<PurchaseOrder>> CancelPurchaseOrderAsync(string id, CancellationToken cancellationToken);

    /// <summary>A repeat with the same key (per client) answers the first receipt: 201 when booked, 200 on a replay.</summary>
    [Post("/v1/goods-receipts")]
    Task<IApiResponse<GoodsReceipt>> CreateGoodsReceiptAsync(
        [Body] CreateGoodsReceiptRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);
}
