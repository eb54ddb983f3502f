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
    string? Id, string? AccountId, string? Name, string? StageName, decimal? Amount, string? CurrencyIsoCode, string? CloseDate, decimal? Probability);

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
    SoqlPage<SalesforceQuoteLine>? QuoteLineItems);

public sealed record SalesforceQuoteLine(string? LineNumber, decimal? Quantity, decimal? UnitPrice, decimal? Discount, string? Description, SalesforceProduct? Product2);

public sealed record SalesforceProduct(string? ProductCode, string? Name);
