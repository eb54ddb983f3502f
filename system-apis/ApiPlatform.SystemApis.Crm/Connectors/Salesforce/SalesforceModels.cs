using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

// The Salesforce payloads as documented (REST API Developer Guide); every field nullable, checked when mapped.

public sealed record SoqlPage<T>(int TotalSize, bool Done, string? NextRecordsUrl, IReadOnlyList<T>? Records);

public sealed record SalesforceToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl,
    [property: JsonPropertyName("token_type")] string? TokenType);

public sealed record SalesforceUpsertResult(string? Id, bool Success, bool Created);

public sealed record SalesforceError(string? Message, string? ErrorCode);

public sealed record SalesforceAccount(
    string? Id, string? Name, string? ParentId, string? BillingCountryCode, string? CurrencyIsoCode, string? Industry, string? LastModifiedDate);

public sealed record SalesforceContact(string? Id, string? AccountId, string? FirstName, string? LastName, string? Email, string? Phone, string? Title);

public sealed record SalesforceOpportunity(
    string? Id, string? AccountId, string? Name, string? StageName, decimal? Amount, string? CurrencyIsoCode, string? CloseDate, decimal? Probability,
    string? Pricebook2Id = null);

public sealed record SalesforceQuote(
    string? Id,
    string? QuoteNumber,
    string? AccountId,
    string? OpportunityId,
    string? Status,
    string? Description,
    string? CurrencyIsoCode,
    decimal? Tax,
    string? ExpirationDate,
    string? CreatedDate,
    SoqlPage<SalesforceQuoteLine>? QuoteLineItems,
    decimal? Subtotal = null,
    decimal? TotalPrice = null,
    decimal? ShippingHandling = null,
    decimal? GrandTotal = null);

public sealed record SalesforceQuoteLine(string? LineNumber, decimal? Quantity, decimal? UnitPrice, decimal? Discount, string? Description, SalesforceProduct? Product2);

public sealed record SalesforceProduct(string? ProductCode, string? Name);

public sealed record SalesforceRecord(string? Id);

public sealed record SalesforcePricebookEntry(string? Id, SalesforceProduct? Product2);

/// <summary>A Composite API call: subrequests run in order, later ones refer to earlier results as <c>@{referenceId.id}</c>.</summary>
public sealed record SalesforceComposite(bool AllOrNone, IReadOnlyList<SalesforceSubrequest> CompositeRequest);

public sealed record SalesforceSubrequest(string Method, string Url, string ReferenceId, object Body);

public sealed record SalesforceCompositeResult(IReadOnlyList<SalesforceSubresult>? CompositeResponse);

/// <summary>A subrequest's status and body: a save result, a list of save results, or a list of errors.</summary>
public sealed record SalesforceSubresult(JsonElement Body, int HttpStatusCode, string? ReferenceId);

public sealed record SalesforceSaveResult(string? Id, bool Success, IReadOnlyList<SalesforceError>? Errors);
