using System.ComponentModel.DataAnnotations;
using ApiPlatform.VendorConnectors.Http;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>The SAP S/4HANA Cloud system (section <c>Erp:Sap</c>): its API host, the communication user, and the sales area orders go to.</summary>
public sealed class SapOptions : VendorEndpointOptions
{
    public const string Section = "Erp:Sap";

    [Required]
    public string Username { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    [Required, RegularExpression("^[A-Z0-9]{4}$")]
    public string SalesOrganization { get; set; } = "1010";

    [Required, RegularExpression("^[A-Z0-9]{2}$")]
    public string DistributionChannel { get; set; } = "10";

    [Required, RegularExpression("^[A-Z0-9]{2}$")]
    public string Division { get; set; } = "00";

    [Required, RegularExpression("^[A-Z0-9]{2,4}$")]
    public string SalesOrderType { get; set; } = "OR";

    /// <summary>The currency of customers: a business partner's general data keeps none.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string CustomerCurrency { get; set; } = "EUR";
}
