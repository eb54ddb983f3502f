using ApiPlatform.ServiceDefaults.Clients;
using Refit;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

// REST API Developer Guide: Query (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm),
// sObject Rows by External ID, and Composite
// (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_post.htm).

/// <summary>The Salesforce REST API: SOQL queries (with <c>nextRecordsUrl</c> paging) and sObject writes.</summary>
public interface ISalesforceApi
{
    [Get("/services/data/{version}/query")]
    [Headers("Sforce-Query-Options: batchSize=200")]
    Task<SoqlPage<TRecord>> QueryAsync<TRecord>(string version, [AliasAs("q")] string soql, CancellationToken cancellationToken);

    /// <summary>The next batch of a query, by the locator at the end of its <c>nextRecordsUrl</c>.</summary>
    [Get("/services/data/{version}/query/{locator}")]
    [Headers("Sforce-Query-Options: batchSize=200")]
    Task<SoqlPage<TRecord>> QueryMoreAsync<TRecord>(string version, string locator, CancellationToken cancellationToken);

    /// <summary>Creates the record with this external id, or updates it when it exists: a retried create never duplicates.</summary>
    [Patch("/services/data/{version}/sobjects/{sobject}/{externalIdField}/{externalId}")]
    Task<SalesforceUpsertResult?> UpsertAsync(
        string version, string sobject, string externalIdField, string externalId, [Body] Dictionary<string, object?> fields,
        [Property(RetrySafety.MarkedSafeOption)] bool retrySafe, CancellationToken cancellationToken);

    [Patch("/services/data/{version}/sobjects/{sobject}/{id}")]
    Task UpdateAsync(string version, string sobject, string id, [Body] Dictionary<string, object?> fields, CancellationToken cancellationToken);

    [Delete("/services/data/{version}/sobjects/{sobject}/{id}")]
    Task DeleteAsync(string version, string sobject, string id, CancellationToken cancellationToken);

    /// <summary>Several writes in one call; with <c>allOrNone</c> one failure rolls all of them back (the call itself answers 200).</summary>
    [Post("/services/data/{version}/composite")]
    Task<SalesforceCompositeResult> CompositeAsync(string version, [Body] SalesforceComposite composite, CancellationToken cancellationToken);
}

/// <summary>The OAuth 2.0 token endpoint of the org (client-credentials flow).</summary>
public interface ISalesforceAuthApi
{
    [Post("/services/oauth2/token")]
    Task<SalesforceToken> TokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
