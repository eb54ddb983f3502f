using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Http;
using ApiPlatform.VendorConnectors.Upstream;
using Refit;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

/// <summary>
/// Stripe as a tenant's subscription billing system. Writes carry the creation key as Stripe's <c>Idempotency-Key</c>,
/// so a retried create answers the customer or subscription the first made (Stripe marks it <c>Idempotent-Replayed</c>).
/// </summary>
internal sealed class StripeBillingConnector(IStripeApi api) : IBillingConnector
{
    public const string SystemName = "stripe";

    public static readonly Vendor Vendor = new("finance", SystemName);
    private const int MaxPage = 100;

    public static readonly JsonSerializerOptions Json = new(VendorClientExtensions.VendorJson) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string System => SystemName;

    public Task<CursorPage<BillingCustomer>> ListCustomersAsync(string tenant, int limit, string? cursor, CancellationToken cancellationToken) =>
        Call(async () => Paged(await api.ListCustomersAsync(Math.Min(limit, MaxPage), cursor, cancellationToken), c => StripeMapping.ToCustomer(c, tenant), c => c.Id));

    public Task<Written<BillingCustomer>> CreateCustomerAsync(CreateBillingCustomerRequest request, string creationKey, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var response = await api.CreateCustomerAsync(new Dictionary<string, string>
            {
                ["name"] = request.Name, ["email"] = request.Email, ["metadata[tenant]"] = request.Tenant, ["metadata[account_id]"] = request.AccountId,
            }, creationKey, cancellationToken);
            return new Written<BillingCustomer>(StripeMapping.ToCustomer(Content(response), request.Tenant), !Replayed(response));
        });

    public Task<CursorPage<Subscription>> ListSubscriptionsAsync(string tenant, string? customerId, int limit, string? cursor, CancellationToken cancellationToken) =>
        Call(async () => Paged(await api.ListSubscriptionsAsync(customerId, Math.Min(limit, MaxPage), cursor, "all", cancellationToken),
            s => StripeMapping.ToSubscription(s, tenant), s => s.Id));

    public Task<Subscription?> GetSubscriptionAsync(string tenant, string id, CancellationToken cancellationToken) =>
        Call<Subscription?>(async () => await FindSubscriptionAsync(id, cancellationToken) is { } subscription ? StripeMapping.ToSubscription(subscription, tenant) : null);

    /// <summary>
    /// Read first: a subscription Stripe already cancelled is answered as it is, without a second cancel. A cancel that
    /// fails because a concurrent one came first is answered with the subscription that one cancelled.
    /// </summary>
    public Task<Subscription?> CancelSubscriptionAsync(string tenant, string id, CancellationToken cancellationToken) =>
        Call<Subscription?>(async () =>
        {
            if (await FindSubscriptionAsync(id, cancellationToken) is not { } current)
            {
                return null;
            }
            if (current.Status == "canceled")
            {
                return StripeMapping.ToSubscription(current, tenant);
            }

            var response = await api.CancelSubscriptionAsync(id, cancellationToken);
            if (!response.IsSuccessStatusCode && await FindSubscriptionAsync(id, cancellationToken) is { Status: "canceled" } canceled)
            {
                return StripeMapping.ToSubscription(canceled, tenant);
            }
            return StripeMapping.ToSubscription(Content(response), tenant);
        });

    private async Task<StripeSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetSubscriptionAsync(id, cancellationToken);
        }
        catch (ApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<Written<Subscription>> CreateSubscriptionAsync(CreateSubscriptionRequest request, string creationKey, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var response = await api.CreateSubscriptionAsync(new Dictionary<string, string>
            {
                ["customer"] = request.CustomerId, ["items[0][price]"] = request.PriceId,
                ["items[0][quantity]"] = request.Quantity.ToString(global::System.Globalization.CultureInfo.InvariantCulture), ["metadata[tenant]"] = request.Tenant,
            }, creationKey, cancellationToken);
            return new Written<Subscription>(StripeMapping.ToSubscription(Content(response), request.Tenant), !Replayed(response));
        });

    public Task<CursorPage<BillingEvent>> ListEventsAsync(string tenant, int limit, string? cursor, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var page = await api.ListEventsAsync(Math.Min(limit, MaxPage), cursor, cancellationToken);
            var events = UpstreamGuard.Bounded(page.Data, "data", MaxPage);
            var mapped = events.Select(e => StripeMapping.ToBillingEvent(e, tenant)).OfType<BillingEvent>().ToList();
            return new CursorPage<BillingEvent>(mapped, page.HasMore && events.Count > 0 ? events[^1].Id : null);
        });

    private static CursorPage<TContract> Paged<TRecord, TContract>(StripeList<TRecord> list, Func<TRecord, TContract> map, Func<TRecord, string?> id)
    {
        var records = UpstreamGuard.Bounded(UpstreamGuard.Present(list, "list").Data, "data", MaxPage);
        return new CursorPage<TContract>(records.Select(map).ToList(), list.HasMore && records.Count > 0 ? id(records[^1]) : null);
    }

    private static T Content<T>(IApiResponse<T> response) where T : class =>
        response.IsSuccessStatusCode ? response.Content ?? throw new UpstreamContractException("an empty answer to a create")
        : throw response.Error ?? throw new UpstreamContractException("a failed create without an error");

    private static bool Replayed<T>(IApiResponse<T> response) =>
        response.Headers is { } headers && headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true", StringComparer.OrdinalIgnoreCase);

    private static Task<T> Call<T>(Func<Task<T>> call) => VendorCall.RunAsync(Vendor, call, Classify);

    /// <summary>Stripe's error body: a card or request error is a refusal worth passing on; rate limits and auth are handled by status.</summary>
    private static ProblemException? Classify(ApiException error)
    {
        if (error.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.PaymentRequired or HttpStatusCode.Conflict) || error.Content is null)
        {
            return null;
        }
        try
        {
            var body = JsonSerializer.Deserialize<StripeError>(error.Content, Json)?.Error;
            var message = new string((body?.Message ?? "no message").Where(c => !char.IsControl(c)).Take(200).ToArray());
            return UpstreamProblems.Refused(SystemName, $"stripe refused the request ({body?.Type}/{body?.Code}): {message}");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
