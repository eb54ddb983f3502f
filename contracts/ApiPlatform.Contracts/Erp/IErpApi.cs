using Refit;

namespace ApiPlatform.Contracts.Erp;

/// <summary>Typed client of the erp system API, v1.</summary>
public interface IErpApi
{
    [Post("/v1/sales-orders")]
    Task<SalesOrder> CreateSalesOrderAsync([Body] CreateSalesOrderRequest request, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/sales-orders/{id}")]
    Task<IApiResponse<SalesOrder>> GetSalesOrderAsync(string id, CancellationToken cancellationToken);
}
