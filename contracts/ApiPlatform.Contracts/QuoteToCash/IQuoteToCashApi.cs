using Refit;

namespace ApiPlatform.Contracts.QuoteToCash;

/// <summary>Typed client of the quote-to-cash process API, v1.</summary>
public interface IQuoteToCashApi
{
    [Post("/v1/order-requests")]
    Task<IApiResponse<OrderRequestStatus>> CreateOrderRequestAsync([Body] CreateOrderRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/order-requests/{id}")]
    Task<IApiResponse<OrderRequestStatus>> GetOrderRequestAsync(string id, CancellationToken cancellationToken);

    [Get("/v1/order-requests")]
    Task<IApiResponse<Page<OrderRequestStatus>>> ListOrderRequestsAsync([Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Post("/v1/order-requests/{id}/approval")]
    Task<IApiResponse<OrderRequestStatus>> DecideApprovalAsync(
        string id, [Body] ApprovalDecisionRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);
}
