using ApiPlatform.Contracts;
using Refit;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

/// <summary>
/// The Stripe API: form-encoded writes with an <c>Idempotency-Key</c> (Stripe answers a repeat with the first result and
/// <c>Idempotent-Replayed: true</c>), lists paged with <c>starting_after</c> and <c>has_more</c>.
/// </summary>
public interface IStripeApi
{
    [Get("/v1/customers")]
    Task<StripeList<StripeCustomer>> ListCustomersAsync(int limit, [AliasAs("starting_after")] string? startingAfter, CancellationToken cancellationToken);

    [Post("/v1/customers")]
    Task<IApiResponse<StripeCustomer>> CreateCustomerAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/subscriptions")]
    Task<StripeList<StripeSubscription>> ListSubscriptionsAsync(
        string? customer, int limit, [AliasAs("starting_after")] string? startingAfter, string status, CancellationToken cancellationToken);

    [Get("/v1/subscriptions/{id}")]
    Task<StripeSubscription> GetSubscriptionAsync(string id, CancellationToken cancellationToken);

    [Post("/v1/subscriptions")]
    Task<IApiResponse<StripeSubscription>> CreateSubscriptionAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Cancels the subscription immediately and answers it, now <c>canceled</c>.</summary>
    [Delete("/v1/subscriptions/{id}")]
    Task<IApiResponse<StripeSubscription>> CancelSubscriptionAsync(string id, CancellationToken cancellationToken);

    [Get("/v1/events")]
    Task<StripeList<StripeEvent>> ListEventsAsync(int limit, [AliasAs("starting_after")] string? startingAfter, CancellationToken cancellationToken);
}
