using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Finance;

[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionStatus>))]
public enum SubscriptionStatus
{
    Incomplete,
    Trialing,
    Active,
    PastDue,
    Unpaid,
    Canceled,
}
