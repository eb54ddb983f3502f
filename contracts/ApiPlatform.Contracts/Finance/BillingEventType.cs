using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Finance;

[JsonConverter(typeof(JsonStringEnumConverter<BillingEventType>))]
public enum BillingEventType
{
    SubscriptionCreated,
    SubscriptionUpdated,
    SubscriptionCanceled,
    InvoiceFinalized,
    InvoicePaid,
    InvoicePaymentFailed,
    ChargeRefunded,
}
