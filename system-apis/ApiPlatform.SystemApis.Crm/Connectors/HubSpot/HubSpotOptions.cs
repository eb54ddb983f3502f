using System.ComponentModel.DataAnnotations;
using ApiPlatform.VendorConnectors.Http;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>The HubSpot account (section <c>Crm:HubSpot</c>): the API base URL and a private app's access token.</summary>
public sealed class HubSpotOptions : VendorEndpointOptions
{
    public const string Section = "Crm:HubSpot";

    [Required]
    public string AccessToken { get; set; } = "";

    /// <summary>The account's company currency: HubSpot keeps no currency on a company.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string CompanyCurrency { get; set; } = "USD";

    /// <summary>The unique custom property that holds the creation key on companies, contacts and deals.</summary>
    [Required, RegularExpression("^[a-z][a-z0-9_]*$")]
    public string CreationKeyProperty { get; set; } = "apiplatform_key";
}
