using Refit;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>HubSpot CRM v3 objects (companies, contacts, deals, quotes, line items): search with <c>after</c> cursors, read, create, update.</summary>
public interface IHubSpotApi
{
    /// <summary>A search only reads, so it is marked safe to retry although it is a POST.</summary>
    [Post("/crm/v3/objects/{objectType}/search")]
    Task<HubSpotPage> SearchAsync(string objectType, [Body] HubSpotSearch search, [Property("ApiPlatform.RetrySafe")] bool retrySafe, CancellationToken cancellationToken);

    [Get("/crm/v3/objects/{objectType}/{id}")]
    Task<HubSpotObject> GetAsync(
        string objectType, string id, [Query(CollectionFormat.Csv)] IEnumerable<string> properties, [Query(CollectionFormat.Csv)] IEnumerable<string>? associations,
        CancellationToken cancellationToken);

    [Post("/crm/v3/objects/{objectType}")]
    Task<HubSpotObject> CreateAsync(string objectType, [Body] HubSpotWrite write, CancellationToken cancellationToken);

    [Patch("/crm/v3/objects/{objectType}/{id}")]
    Task<HubSpotObject> UpdateAsync(string objectType, string id, [Body] HubSpotWrite write, CancellationToken cancellationToken);

    [Post("/crm/v3/objects/line_items/batch/read")]
    Task<HubSpotBatch> ReadLineItemsAsync([Body] HubSpotBatchRead read, [Property("ApiPlatform.RetrySafe")] bool retrySafe, CancellationToken cancellationToken);
}
