using System.Text.Json.Serialization;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

// OData v2 JSON as SAP's API Business Hub documents it: everything under "d", collections in "results", numbers and
// dates as strings ("1500.00", "/Date(1700000000000)/"). Every field nullable, checked when mapped.

public sealed record ODataList<T>([property: JsonPropertyName("d")] ODataCollection<T>? Data);

public sealed record ODataCollection<T>([property: JsonPropertyName("__count")] string? Count, [property: JsonPropertyName("results")] IReadOnlyList<T>? Results);

public sealed record ODataSingle<T>([property: JsonPropertyName("d")] T? Data);

public sealed record ODataResults<T>([property: JsonPropertyName("results")] IReadOnlyList<T>? Results);

public sealed record ODataError([property: JsonPropertyName("error")] ODataErrorBody? Error);

public sealed record ODataErrorBody(string? Code, ODataMessage? Message);

public sealed record ODataMessage(string? Lang, string? Value);

public sealed record SapBusinessPartner(
    string? BusinessPartner,
    string? BusinessPartnerFullName,
    string? OrganizationBPName1,
    string? BusinessPartnerIDByExtSystem,
    bool? BusinessPartnerIsBlocked,
    string? LastChangeDate,
    [property: JsonPropertyName("to_BusinessPartnerAddress")] ODataResults<SapAddress>? Addresses);

public sealed record SapAddress(string? Country, string? CityName, string? PostalCode, string? StreetName, string? HouseNumber, string? Region);

public sealed record SapBusinessPartnerCreate(
    string BusinessPartnerCategory,
    string OrganizationBPName1,
    string BusinessPartnerIDByExtSystem,
    [property: JsonPropertyName("to_BusinessPartnerRole")] ODataResults<SapRole> Roles,
    [property: JsonPropertyName("to_BusinessPartnerAddress")] ODataResults<SapAddress> Addresses);

public sealed record SapRole(string BusinessPartnerRole);

public sealed record SapBusinessPartnerUpdate(string OrganizationBPName1);

public sealed record SapProduct(
    string? Product, string? ProductType, string? BaseUnit, bool? IsMarkedForDeletion,
    [property: JsonPropertyName("to_Description")] ODataResults<SapProductDescription>? Descriptions);

public sealed record SapProductDescription(string? Language, string? ProductDescription);

public sealed record SapSalesOrder(
    string? SalesOrder,
    string? SoldToParty,
    string? PurchaseOrderByCustomer,
    string? TransactionCurrency,
    string? TotalNetAmount,
    string? OverallSDProcessStatus,
    string? OverallSDDocumentRejectionSts,
    string? CreationDate,
    [property: JsonPropertyName("to_Item")] ODataResults<SapSalesOrderItem>? Items);

public sealed record SapSalesOrderItem(string? SalesOrderItem, string? Material, string? SalesOrderItemText, string? RequestedQuantity, string? NetAmount);

public sealed record SapSalesOrderCreate(
    string SalesOrderType,
    string SalesOrganization,
    string DistributionChannel,
    string OrganizationDivision,
    string SoldToParty,
    string PurchaseOrderByCustomer,
    string TransactionCurrency,
    [property: JsonPropertyName("to_Item")] ODataResults<SapSalesOrderItemCreate> Items);

public sealed record SapSalesOrderItemCreate(
    string SalesOrderItem,
    string Material,
    string SalesOrderItemText,
    string RequestedQuantity,
    [property: JsonPropertyName("to_PricingElement")] ODataResults<SapPricingElement> Pricing);

/// <summary>A manual price condition (PPR0) carrying the price agreed in the quote.</summary>
public sealed record SapPricingElement(string ConditionType, string ConditionRateValue, string ConditionCurrency);
