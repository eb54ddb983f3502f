using System.Text;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Billing;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.SystemApis.Finance.Connectors.Stripe;
using ApiPlatform.VendorConnectors.Routing;
using ApiPlatform.VendorConnectors.Upstream;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>
/// Stripe's webhook deliveries for a tenant. Stripe sends no platform token, so the endpoint is anonymous and trusts only
/// the <c>Stripe-Signature</c> of the raw body; it is not part of the API description.
/// </summary>
public static class StripeWebhookApi
{
    // As the gateway's limit for the webhook (contracts/catalog/apis/finance.yaml): Stripe's events stay below 512 KiB.
    private const int MaxPayloadBytes = 512 * 1024;

    public static WebApplication MapStripeWebhook(this WebApplication app)
    {
        app.MapPost("/webhooks/stripe/{tenant}", Receive).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok, ProblemHttpResult>> Receive(
        string tenant, HttpRequest request, IOptionsMonitor<ConnectorRoutingOptions> routing, IServiceProvider services, BillingRecorder recorder,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (routing.Get(FinanceConnectorRegistration.BillingSection).KindFor(tenant) != StripeBillingConnector.SystemName)
        {
            return ProblemDetailsExtensions.Problem(404, ProblemTypes.NotFound, "No Stripe account", $"Tenant '{tenant}' is not billed by Stripe.");
        }

        var options = services.GetRequiredService<IOptions<StripeOptions>>().Value;
        var payload = await ReadAsync(request, cancellationToken);
        if (payload is null)
        {
            return ProblemDetailsExtensions.Problem(413, ProblemTypes.PayloadTooLarge, "Payload too large", $"A Stripe event has at most {MaxPayloadBytes} bytes.");
        }
        if (!StripeSignature.IsValid(request.Headers["Stripe-Signature"], payload, options.WebhookSecret, time.GetUtcNow(),
                TimeSpan.FromSeconds(options.WebhookToleranceSeconds)))
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Invalid signature", "The Stripe-Signature does not match the payload, or it is too old.");
        }

        var billingEvent = await VendorCall.RunAsync(StripeBillingConnector.Vendor, () => Task.FromResult(
            StripeMapping.ToBillingEvent(JsonSerializer.Deserialize<StripeEvent>(payload, StripeBillingConnector.Json)
                ?? throw new UpstreamContractException("an empty event"), tenant)));
        if (billingEvent is not null)
        {
            try
            {
                await recorder.RecordAsync(tenant, [billingEvent], cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Stripe delivered the same event twice at once: the other delivery recorded it, or the error is real.
                if (!await recorder.IsRecordedAsync(tenant, billingEvent.Source, cancellationToken))
                {
                    throw;
                }
            }
        }
        return TypedResults.Ok();
    }

    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
