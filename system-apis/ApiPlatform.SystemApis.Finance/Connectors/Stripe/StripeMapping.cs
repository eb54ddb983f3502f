using System.Text.Json;
using System.Text.RegularExpressions;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

/// <summary>Stripe objects in canonical form: minor units become Money, Unix seconds UTC times; anything out of contract stops the mapping.</summary>
internal static partial class StripeMapping
{
    private const string System = StripeBillingConnector.SystemName;
    private static readonly HashSet<string> ZeroDecimal = ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly DateTimeOffset Earliest = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex("^(cus|sub|si|price|in|ch|evt|pi)_[A-Za-z0-9]{6,64}$")]
    private static partial Regex IdPattern();

    public static BillingCustomer ToCustomer(StripeCustomer c, string tenant) => new(
        Id(c.Id, "cus"), tenant, c.Metadata?.GetValueOrDefault("account_id"), UpstreamGuard.Text(c.Name, "customer.name"),
        UpstreamGuard.Text(c.Email, "customer.email", 254), c.Currency is null ? null : UpstreamGuard.Currency(c.Currency, "customer.currency"),
        new SourceReference(System, c.Id!));

    public static Subscription ToSubscription(StripeSubscription s, string tenant)
    {
        var item = UpstreamGuard.Bounded(s.Items?.Data, "subscription.items", 20).FirstOrDefault() ?? throw new UpstreamContractException("a subscription without items", "subscription.items");
        var price = UpstreamGuard.Present(item.Price, "subscription.items.price");
        var currency = UpstreamGuard.Currency(price.Currency, "price.currency");
        var quantity = UpstreamGuard.Range(item.Quantity ?? 1, "subscription.items.quantity", 0, 1_000_000);
        return new Subscription(Id(s.Id, "sub"), tenant, Id(s.Customer, "cus"), Status(s.Status), Id(price.Id, "price"), quantity,
            Money((long)UpstreamGuard.Range(price.UnitAmount, "price.unit_amount", 0, 100_000_000_000) * (long)quantity, currency),
            UpstreamGuard.Text(price.Recurring?.Interval, "price.recurring.interval", 8),
            Time(item.CurrentPeriodStart ?? s.CurrentPeriodStart, "current_period_start"), Time(item.CurrentPeriodEnd ?? s.CurrentPeriodEnd, "current_period_end"),
            s.CanceledAt is { } canceled ? Time(canceled, "canceled_at") : null, new SourceReference(System, s.Id!));
    }

    /// <summary>A Stripe event as a canonical billing event, or null for event types finance does not follow.</summary>
    public static BillingEvent? ToBillingEvent(StripeEvent e, string tenant)
    {
        var id = Id(e.Id, "evt");
        var at = Time(e.Created, "event.created");
        var data = e.Data?.Object ?? throw new UpstreamContractException("an event without data.object", "data.object");
        BillingEvent Of(BillingEventType type, string? customer, string? subscription, string? invoice, Money? amount, Money? tax) =>
            new($"bev-{id}", tenant, type, at, customer, subscription, invoice, amount, tax, null, new SourceReference(System, id));

        switch (e.Type)
        {
            case "invoice.paid" or "invoice.payment_failed" or "invoice.finalized":
                var invoice = data.Deserialize<StripeInvoice>(StripeBillingConnector.Json) ?? throw new UpstreamContractException("an invoice event without an invoice");
                var currency = UpstreamGuard.Currency(invoice.Currency, "invoice.currency");
                var amount = Money(e.Type == "invoice.paid" ? invoice.AmountPaid : invoice.Total, currency);
                var tax = Money(invoice.Tax ?? 0, currency);
                if (tax.Amount > amount.Amount)
                {
                    throw new UpstreamContractException("an invoice whose tax exceeds its amount", "invoice.tax");
                }
                var type = e.Type switch { "invoice.paid" => BillingEventType.InvoicePaid, "invoice.payment_failed" => BillingEventType.InvoicePaymentFailed, _ => BillingEventType.InvoiceFinalized };
                return Of(type, Id(invoice.Customer, "cus"), invoice.Subscription is null ? null : Id(invoice.Subscription, "sub"), Id(invoice.Id, "in"), amount, tax);
            case "charge.refunded":
                var charge = data.Deserialize<StripeCharge>(StripeBillingConnector.Json) ?? throw new UpstreamContractException("a charge event without a charge");
                return Of(BillingEventType.ChargeRefunded, Id(charge.Customer, "cus"), null, charge.Invoice is null ? null : Id(charge.Invoice, "in"),
                    Money(charge.AmountRefunded, UpstreamGuard.Currency(charge.Currency, "charge.currency")), null);
            case "customer.subscription.created" or "customer.subscription.updated" or "customer.subscription.deleted":
                var subscription = ToSubscription(data.Deserialize<StripeSubscription>(StripeBillingConnector.Json)
                    ?? throw new UpstreamContractException("a subscription event without a subscription"), tenant);
                var change = e.Type switch
                {
                    "customer.subscription.created" => BillingEventType.SubscriptionCreated,
                    "customer.subscription.deleted" => BillingEventType.SubscriptionCanceled,
                    _ => BillingEventType.SubscriptionUpdated,
                };
                return Of(change, subscription.CustomerId, subscription.Id, null, subscription.Amount, null);
            default:
                return null;
        }
    }

    public static Money Money(long? minorUnits, string currency)
    {
        var units = UpstreamGuard.Range(minorUnits, "amount", 0, 100_000_000_000_000);
        return new Money(ZeroDecimal.Contains(currency) ? units : units / 100m, currency);
    }

    private static SubscriptionStatus Status(string? status) => status switch
    {
        "active" => SubscriptionStatus.Active,
        "trialing" => SubscriptionStatus.Trialing,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" => SubscriptionStatus.Unpaid,
        "canceled" => SubscriptionStatus.Canceled,
        "incomplete" or "incomplete_expired" or "paused" => SubscriptionStatus.Incomplete,
        _ => throw new UpstreamContractException("an unknown subscription status", "subscription.status"),
    };

    private static string Id(string? id, string prefix) =>
        id is not null && IdPattern().IsMatch(id) && id.StartsWith(prefix + "_", StringComparison.Ordinal)
            ? id
            : throw new UpstreamContractException($"an id that is not a Stripe {prefix}_ id", "id");

    private static DateTimeOffset Time(long? seconds, string field)
    {
        var at = seconds is >= 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : throw new UpstreamContractException($"'{field}' that is not a Unix time", field);
        return at >= Earliest ? at : throw new UpstreamContractException($"'{field}' before 2010", field);
    }
}
