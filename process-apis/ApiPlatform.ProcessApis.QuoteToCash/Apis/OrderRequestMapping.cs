using ApiPlatform.Contracts;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Data;

namespace ApiPlatform.ProcessApis.QuoteToCash.Apis;

internal static class OrderRequestMapping
{
    public static OrderRequestStatus ToContract(OrderRequestEntity r) => new(
        r.Id,
        r.Tenant,
        r.QuoteId,
        r.Status,
        r.Reason,
        r.SalesOrderId,
        r.TotalAmount is { } amount && r.Currency is { } currency ? new Money(amount, currency) : null,
        r.Steps.OrderBy(s => s.Sequence).Select(s => new OrderRequestStep(s.Name, s.Status, s.Detail, s.StartedAt, s.CompletedAt)).ToList(),
        r.CreatedAt,
        r.UpdatedAt);
}
