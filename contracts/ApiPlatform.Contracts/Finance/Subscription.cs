namespace ApiPlatform.Contracts.Finance;

/// <summary>A recurring subscription in the subscription billing system; <c>Interval</c> is day, week, month or year.</summary>
public sealed record Subscription(
    string Id,
    string Tenant,
    string CustomerId,
    SubscriptionStatus Status,
    string PriceId,
    decimal Quantity,
    Money Amount,
    string Interval,
    DateTimeOffset CurrentPeriodStart,
    DateTimeOffset CurrentPeriodEnd,
    DateTimeOffset? CanceledAt,
    SourceReference Source);
