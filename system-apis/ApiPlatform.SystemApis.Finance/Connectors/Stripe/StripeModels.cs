using System.Text.Json;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

// Stripe's objects as its API reference documents them (snake_case, amounts in the currency's minor unit,
// times in Unix seconds). Every field nullable, checked when mapped.

public sealed record StripeList<T>(string? Object, IReadOnlyList<T>? Data, bool HasMore, string? Url);

public sealed record StripeCustomer(string? Id, string? Object, string? Name, string? Email, string? Currency, Dictionary<string, string>? Metadata);

public sealed record StripeSubscription(
    string? Id, string? Customer, string? Status, long? CurrentPeriodStart, long? CurrentPeriodEnd, long? CanceledAt,
    StripeList<StripeSubscriptionItem>? Items, Dictionary<string, string>? Metadata);

public sealed record StripeSubscriptionItem(string? Id, StripePrice? Price, long? Quantity, long? CurrentPeriodStart, long? CurrentPeriodEnd);

public sealed record StripePrice(string? Id, long? UnitAmount, string? Currency, StripeRecurring? Recurring);

public sealed record StripeRecurring(string? Interval);

public sealed record StripeEvent(string? Id, string? Object, string? Type, long? Created, bool Livemode, StripeEventData? Data);

public sealed record StripeEventData(JsonElement Object);

public sealed record StripeInvoice(string? Id, string? Customer, string? Subscription, long? AmountPaid, long? Total, long? Tax, string? Currency, string? Status);

public sealed record StripeCharge(string? Id, string? Customer, string? Invoice, long? AmountRefunded, string? Currency);

public sealed record StripeError(StripeErrorBody? Error);

public sealed record StripeErrorBody(string? Type, string? Code, string? Message, string? Param);
