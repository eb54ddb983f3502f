using Refit;

namespace ApiPlatform.Contracts.Crm;

/// <summary>Typed client of the crm system API, v1.</summary>
public interface ICrmApi
{
    [Get("/v1/quotes")]
    Task<Page<Quote>> ListQuotesAsync([Query] string? accountId, [Query] QuoteStatus? status, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Get("/v1/quotes/{id}")]
    Task<IApiResponse<Quote>> GetQuoteAsync(string id, CancellationToken cancellationToken);
}
