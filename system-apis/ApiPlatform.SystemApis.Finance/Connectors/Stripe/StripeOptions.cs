using System.ComponentModel.DataAnnotations;
using ApiPlatform.VendorConnectors.Http;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

/// <summary>The Stripe account (section <c>Finance:Stripe</c>): its secret API key and the signing secret of the webhook endpoint.</summary>
public sealed class StripeOptions : VendorEndpointOptions
{
    public const string Section = "Finance:Stripe";

    public StripeOptions() => BaseUrl = "https://api.stripe.com";

    [Required, RegularExpression("^(sk|rk)_(test|live)_[A-Za-z0-9]+$")]
    public string SecretKey { get; set; } = "";

    [Required, RegularExpression("^whsec_[A-Za-z0-9+/=]+$")]
    public string WebhookSecret { get; set; } = "";

    /// <summary>The API version the payloads are read in (sent as <c>Stripe-Version</c>).</summary>
    [Required]
    public string ApiVersion { get; set; } = "2024-06-20";

    /// <summary>How old a signed webhook may be; older ones are refused as replays.</summary>
    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;
}
