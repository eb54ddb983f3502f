using System.ComponentModel.DataAnnotations;
using ApiPlatform.VendorConnectors.Http;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>The Salesforce org (section <c>Crm:Salesforce</c>): its My Domain URL and the connected app's client credentials.</summary>
public sealed class SalesforceOptions : VendorEndpointOptions
{
    public const string Section = "Crm:Salesforce";

    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    [Required, RegularExpression(@"^v\d{2,3}\.0$")]
    public string ApiVersion { get; set; } = "v62.0";

    /// <summary>The custom external-id field on Account, Contact and Opportunity that holds the creation key.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9_]*__c$")]
    public string ExternalIdField { get; set; } = "ApiPlatform_Key__c";

    /// <summary>Salesforce does not say how long a client-credentials token lives; it is renewed after this, or on a 401.</summary>
    [Range(1, 720)]
    public int TokenLifetimeMinutes { get; set; } = 30;
}
