using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.SystemApis.Finance.Connectors;

/// <summary>
/// A subscription billing system in canonical terms: customers, subscriptions and the events that move money. Creates
/// take a <c>creationKey</c> and never make a second document for the same key.
/// </summary>
public interface IBillingConnector
{
    string System { get; }

    Task<CursorPage<BillingCustomer>> ListCustomersAsync(string tenant, int limit, string? cursor, CancellationToken cancellationToken);
    Task<Written<BillingCustomer>> CreateCustomerAsync(CreateBillingCustomerRequest request, string creationKey, CancellationToken cancellationToken);

    Task<CursorPage<Subscription>> ListSubscriptionsAsync(string tenant, string? customerId, int limit, string? cursor, CancellationToken cancellationToken);
    Task<Subscription?> GetSubscriptionAsync(string tenant, string id, CancellationToken cancellationToken);
    Task<Written<Subscription>> CreateSubscriptionAsync(CreateSubscriptionRequest request, string creationKey, CancellationToken cancellationToken);

    /// <summary>Cancels a subscription at once; one already cancelled is answered unchanged; null when there is no such subscription.</summary>
    Task<Subscription?> CancelSubscriptionAsync(string tenant, string id, CancellationToken cancellationToken);

    /// <summary>The system's billing events, newest first, in canonical form (not yet recorded in finance).</summary>
    Task<CursorPage<BillingEvent>> ListEventsAsync(string tenant, int limit, string? cursor, CancellationToken cancellationToken);
}

public sealed record Written<T>(T Record, bool Created);
