using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ApiPlatform.AppHost;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// Stripe's webhook through the gateway's public <c>/webhooks/stripe/{tenant}</c>: no token, the signature checked by
/// finance with the tenant's signing secret from configuration, each Stripe event recorded once with its journal entry.
/// </summary>
[Collection(StripeWebhookCollection.Name)]
public sealed class StripeWebhookTests(StripeWebhookPlatform platform)
{
    private const string Tenant = StripeWebhookPlatform.Tenant;

    [Fact]
    public async Task A_signed_event_posted_to_the_gateway_lands_as_a_billing_event_with_its_journal_entry_once_however_often_it_is_replayed()
    {
        var eventId = $"evt_{Guid.NewGuid():N}"[..28];
        var payload = InvoicePaid(eventId);
        using var integration = await platform.IntegrationAppAsync();

        using var delivered = await DeliverAsync(payload, Sign(payload, StripeWebhookPlatform.WebhookSecret, DateTimeOffset.UtcNow));
        using var replayed = await DeliverAsync(payload, Sign(payload, StripeWebhookPlatform.WebhookSecret, DateTimeOffset.UtcNow.AddSeconds(1)));
        var events = await integration.AllItemsAsync($"/system/finance/v1/billing/events?tenant={Tenant}");
        var entries = await integration.AllItemsAsync($"/system/finance/v1/journal-entries?tenant={Tenant}&originSystem=stripe");

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var recorded = Assert.Single(events, e => e.GetProperty("source").GetProperty("externalId").GetString() == eventId);
        Assert.Equal("InvoicePaid", recorded.GetProperty("type").GetString());
        Assert.Equal(119.00m, recorded.GetProperty("amount").GetProperty("amount").GetDecimal());
        var entry = Assert.Single(entries, e => e.GetProperty("origin").GetProperty("externalId").GetString() == eventId);
        Assert.Equal(recorded.GetProperty("journalEntryId").GetString(), entry.GetProperty("id").GetString());
        var lines = entry.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(lines.Sum(l => l.GetProperty("debit").GetProperty("amount").GetDecimal()), lines.Sum(l => l.GetProperty("credit").GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task An_event_with_a_bad_signature_is_a_problem_and_records_nothing()
    {
        var eventId = $"evt_{Guid.NewGuid():N}"[..28];
        var payload = InvoicePaid(eventId);
        using var integration = await platform.IntegrationAppAsync();

        using var forged = await DeliverAsync(payload, Sign(payload, "whsec_notInitechsSecret", DateTimeOffset.UtcNow));
        using var tampered = await DeliverAsync(payload.Replace("11900", "99900", StringComparison.Ordinal),
            Sign(payload, StripeWebhookPlatform.WebhookSecret, DateTimeOffset.UtcNow));
        using var unsigned = await DeliverAsync(payload, null);
        var events = await integration.AllItemsAsync($"/system/finance/v1/billing/events?tenant={Tenant}");

        foreach (var response in new[] { forged, tampered, unsigned })
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        }
        Assert.DoesNotContain(events, e => e.GetProperty("source").GetProperty("externalId").GetString() == eventId);
    }

    [Fact]
    public async Task The_webhook_takes_only_post()
    {
        using var response = await platform.Gateway.GetAsync($"/webhooks/stripe/{Tenant}");

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> DeliverAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{Tenant}") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }
        return platform.Gateway.SendAsync(request);
    }

    /// <summary>Stripe's scheme: <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{raw body}" keyed with the endpoint's signing secret}</c>.</summary>
    private static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")))}";
    }

    /// <summary>An <c>invoice.paid</c> event as Stripe's API reference shows it (API version 2024-06-20).</summary>
    private static string InvoicePaid(string eventId) => $$"""
        {"id":"{{eventId}}","object":"event","api_version":"2024-06-20","created":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"livemode":false,"type":"invoice.paid",
         "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
         "data":{"object":{"id":"in_1E2eWebhookE2eWebh","object":"invoice","customer":"cus_QkL2m3N4o5P6q7","subscription":"sub_1QkL2m3N4o5P6q7R",
           "status":"paid","currency":"eur","total":11900,"amount_paid":11900,"tax":1900,"billing_reason":"subscription_cycle"} } }
        """;
}

/// <summary>
/// The platform with tenant <c>initech</c> billed by Stripe: its signing secret and API key come from configuration, as in
/// production. Nothing here calls Stripe's API, so its base URL points nowhere.
/// </summary>
public sealed class StripeWebhookPlatform : IAsyncLifetime
{
    public const string Tenant = "initech";
    public const string WebhookSecret = "whsec_e2e0initech0signing0secret";
    private OwnPlatform own = null!;

    public PlatformHost Platform => own.Platform;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        own = await OwnPlatform.StartAsync("stripe", data => new()
        {
            ["Catalog:Path"] = TestCatalog.Create(Path.Combine(data, "catalog")),
            [$"Finance:Billing:Connectors:{Tenant}"] = "stripe",
            ["Finance:Stripe:BaseUrl"] = "http://127.0.0.1:9",
            ["Finance:Stripe:SecretKey"] = "sk_test_51InitechE2eKey000000000000",
            ["Finance:Stripe:WebhookSecret"] = WebhookSecret,
        });
        Gateway = new HttpClient { BaseAddress = Platform.GatewayUrl };
    }

    public Task<HttpClient> IntegrationAppAsync() => own.ClientAsync("integration-app", "integration-secret");

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }
}

/// <summary>A platform of its own, started after the shared one has finished: two platforms picking free ports at once could pick the same.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StripeWebhookCollection : ICollectionFixture<StripeWebhookPlatform>
{
    public const string Name = "stripe-webhook-platform";
}
