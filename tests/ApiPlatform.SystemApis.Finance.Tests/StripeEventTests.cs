using System.Net;
using System.Text;
using ApiPlatform.SystemApis.Finance.Connectors.Stripe;
using ApiPlatform.SystemApis.Finance.Tests.Infrastructure;
using static ApiPlatform.SystemApis.Finance.Tests.Infrastructure.StripeStubs;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>Stripe events (webhooks and the events list) turned into canonical billing events and finance-ready journal entries.</summary>
[Collection(FinanceCollection.Name)]
public sealed class StripeEventTests
{
    private const string Tenant = FinancePlatform.StripeTenant;
    private readonly FinancePlatform platform;

    public StripeEventTests(FinancePlatform platform)
    {
        this.platform = platform;
        platform.Stripe.Reset();
    }

    [Fact]
    public async Task A_signed_invoice_paid_webhook_posts_one_balanced_journal_entry_traced_to_its_event()
    {
        var eventId = $"evt_{Guid.NewGuid():N}"[..28];
        var payload = InvoicePaid(eventId, "in_1QkL2m3N4o5P6q7R");
        using var webhook = new HttpClient { BaseAddress = platform.Platform.Urls["finance"] };
        using var client = await platform.ClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(webhook, payload, StripeSignature.Sign(payload, FinancePlatform.WebhookSecret, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(webhook, payload, StripeSignature.Sign(payload, FinancePlatform.WebhookSecret, DateTimeOffset.UtcNow))).StatusCode);
        var events = await (await client.GetAsync($"/system/finance/v1/billing/events?tenant={Tenant}&limit=100")).AssertJsonAsync(HttpStatusCode.OK);

        var recorded = Assert.Single(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("source").GetProperty("externalId").GetString() == eventId);
        Assert.Equal("InvoicePaid", recorded.GetProperty("type").GetString());
        Assert.Equal(353.43m, recorded.GetProperty("amount").GetProperty("amount").GetDecimal());
        var entry = await (await client.GetAsync($"/system/finance/v1/journal-entries/{recorded.GetProperty("journalEntryId").GetString()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("stripe", entry.GetProperty("origin").GetProperty("system").GetString());
        Assert.Equal(eventId, entry.GetProperty("origin").GetProperty("externalId").GetString());
        var lines = entry.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("accountCode").GetString()!,
            l => (l.GetProperty("debit").GetProperty("amount").GetDecimal(), l.GetProperty("credit").GetProperty("amount").GetDecimal()));
        Assert.Equal((353.43m, 0m), lines["1000"]);
        Assert.Equal((0m, 297.00m), lines["4100"]);
        Assert.Equal((0m, 56.43m), lines["2100"]);
    }

    [Fact]
    public async Task A_posted_billing_event_is_announced_once_with_its_journal_entry_and_the_source_event()
    {
        var (eventId, sentinel) = ($"evt_{Guid.NewGuid():N}"[..28], $"evt_{Guid.NewGuid():N}"[..28]);
        var payload = InvoicePaid(eventId, "in_1AnnouncedAnnounced");
        using var webhook = new HttpClient { BaseAddress = platform.Platform.Urls["finance"] };
        using var client = await platform.ClientAsync();
        var events = new DeliveredEvents(platform.Platform);

        foreach (var body in new[] { payload, payload, InvoicePaid(sentinel, "in_1SentinelSentinelS") })
        {
            Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(webhook, body, StripeSignature.Sign(body, FinancePlatform.WebhookSecret, DateTimeOffset.UtcNow))).StatusCode);
        }
        var posted = await events.WaitForAsync("finance.billing-event.posted.v1", d => d.GetProperty("source").GetProperty("externalId").GetString() == eventId);
        await events.WaitForAsync("finance.billing-event.posted.v1", d => d.GetProperty("source").GetProperty("externalId").GetString() == sentinel);
        var listed = await (await client.GetAsync($"/system/finance/v1/billing/events?tenant={Tenant}&limit=100")).AssertJsonAsync(HttpStatusCode.OK);
        var recorded = Assert.Single(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("source").GetProperty("externalId").GetString() == eventId);

        var data = posted.GetProperty("data");
        Assert.Equal(Tenant, posted.GetProperty("tenant").GetString());
        Assert.Equal(recorded.GetProperty("id").GetString(), data.GetProperty("billingEventId").GetString());
        Assert.Equal(recorded.GetProperty("journalEntryId").GetString(), data.GetProperty("journalEntryId").GetString());
        Assert.Equal("stripe", data.GetProperty("source").GetProperty("system").GetString());
        Assert.Equal("InvoicePaid", data.GetProperty("type").GetString());
        Assert.Equal(353.43m, data.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Single(events.Of("finance.billing-event.posted.v1", d => d.GetProperty("source").GetProperty("externalId").GetString() == eventId));
    }

    [Fact]
    public async Task A_webhook_with_a_wrong_or_stale_signature_is_refused_and_nothing_is_recorded()
    {
        var id = $"evt_{Guid.NewGuid():N}"[..28];
        var payload = InvoicePaid(id, "in_1ForgedForgedForge");
        using var webhook = new HttpClient { BaseAddress = platform.Platform.Urls["finance"] };

        var forged = await DeliverAsync(webhook, payload, StripeSignature.Sign(payload, "whsec_someoneelse", DateTimeOffset.UtcNow));
        var stale = await DeliverAsync(webhook, payload, StripeSignature.Sign(payload, FinancePlatform.WebhookSecret, DateTimeOffset.UtcNow.AddHours(-1)));
        var tampered = await DeliverAsync(webhook, payload.Replace("35343", "99999", StringComparison.Ordinal),
            StripeSignature.Sign(payload, FinancePlatform.WebhookSecret, DateTimeOffset.UtcNow));
        var unsigned = await DeliverAsync(webhook, payload, null);

        foreach (var response in new[] { forged, stale, tampered, unsigned })
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        }
        // Counted by this test's event id: other tests of the collection record events of the same tenant.
        Assert.Equal((0, 0), platform.RecordedOf(Tenant, "stripe", id));
    }

    [Fact]
    public async Task A_sync_reads_every_page_of_events_and_records_each_event_once()
    {
        var (first, second) = ($"evt_{Guid.NewGuid():N}"[..28], $"evt_{Guid.NewGuid():N}"[..28]);
        platform.Stripe.Given(Get("/v1/events").WithParam("starting_after", first)).AtPriority(1)
            .RespondWith(Json(200, List(false, "/v1/events", InvoicePaid(second, "in_1SecondSecondSecond", amountPaid: 11900, tax: 1900))));
        platform.Stripe.Given(Get("/v1/events")).AtPriority(5).RespondWith(Json(200, List(true, "/v1/events", InvoicePaid(first, "in_1FirstFirstFirstF"))));
        using var client = await platform.ClientAsync();

        var synced = await (await client.PostAsync($"/system/finance/v1/billing/events/sync?tenant={Tenant}", null)).AssertJsonAsync(HttpStatusCode.OK);
        var again = await (await client.PostAsync($"/system/finance/v1/billing/events/sync?tenant={Tenant}", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([first, second], synced.EnumerateArray().Select(e => e.GetProperty("source").GetProperty("externalId").GetString()));
        Assert.All(synced.EnumerateArray(), e => Assert.NotNull(e.GetProperty("journalEntryId").GetString()));
        Assert.Equal(0, again.GetArrayLength());
        Assert.Equal((2, 2), platform.RecordedOf(Tenant, "stripe", first, second));
    }

    [Theory]
    [InlineData("tax larger than the amount", 1000, 5000, "eur")]
    [InlineData("a negative amount", -500, 0, "eur")]
    [InlineData("a currency that is not ISO 4217", 1000, 0, "euro")]
    public async Task A_page_with_one_hostile_event_is_502_and_nothing_of_the_page_is_recorded(string what, long amount, long tax, string currency)
    {
        var (good, bad) = ($"evt_{Guid.NewGuid():N}"[..28], $"evt_{Guid.NewGuid():N}"[..28]);
        platform.Stripe.Given(Get("/v1/events")).RespondWith(Json(200, List(false, "/v1/events",
            InvoicePaid(good, "in_1GoodGoodGoodGoodG"), InvoicePaid(bad, "in_1BadBadBadBadBadB", amount, tax, currency))));
        using var client = await platform.ClientAsync();

        var response = await client.PostAsync($"/system/finance/v1/billing/events/sync?tenant={Tenant}", null);

        Assert.NotNull(what);
        await response.AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "stripe");
        Assert.Equal((0, 0), platform.RecordedOf(Tenant, "stripe", good, bad));
    }

    private static Task<HttpResponseMessage> DeliverAsync(HttpClient webhook, string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{Tenant}") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }
        return webhook.SendAsync(request);
    }
}
