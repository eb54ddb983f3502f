using ApiPlatform.ServiceDefaults.Clients;
using Refit;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

// CRM v3 objects, search and batch endpoints: https://developers.hubspot.com/docs/api/crm/understanding-the-crm,
// quotes (https://developers.hubspot.com/docs/api/crm/quotes) and line items (https://developers.hubspot.com/docs/api/crm/line-items).

/// <summary>HubSpot CRM v3 objects (companies, contacts, deals, quotes, line items): search with <c>after</c> cursors, read, create, update.</summary>
public interface IHubSpotApi
{
    /// <summary>A search only reads, so it is marked safe to retry although it is a POST.</summary>
    [Post("/crm/v3/objects/{objectType}/search")]
    Task<HubSpotPage> SearchAsync(string objectType, [Body] HubSpotSearch search, [Property(RetrySafety.MarkedSafeOption)] bool retrySafe, CancellationToken cancellationToken);

    [Get("/crm/v3/objects/{objectType}/{id}")]
    Task<HubSpotObject> GetAsync(
        string objectType, string id, [Query(CollectionFormat.Csv)] IEnumerable<string> properties, [Query(CollectionFormat.Csv)] IEnumerable<string>? associations,
        CancellationToken cancellationToken);

    [Post("/crm/v3/objects/{objectType}")]
    Task<HubSpotObject> CreateAsync(string objectType, [Body] HubSpotWrite write, CancellationToken cancellationToken);

    [Patch("/crm/v3/objects/{objectType}/{id}")]
    Task<HubSpotObject> UpdateAsync(string objectType, string id, [Body] HubSpotWrite write, CancellationToken cancellationToken);

    /// <summary>Line items, up to 100 in one call; a 207 answer lists the inputs it could not create under <c>errors</c>.</summary>
    [Post("/crm/v3/objects/line_items/batch/create")]
    Task<HubSpotBatch> CreateLineItemsAsync([Body] HubSpotBatchCreate create, CancellationToken cancellationToken);

    /// <summary>Archiving twice archives once, so it is safe to retry.</summary>
    [Post("/crm/v3/objects/line_items/batch/archive")]
    Task ArchiveLineItemsAsync([Body] HubSpotBatchArchive archive, [Property(RetrySafety.MarkedSafeOption)] bool retrySafe, CancellationToken cancellationToken);

    [Post("/crm/v3/objects/line_items/batch/read")]
    Task<HubSpotBatch> ReadLineItemsAsync([Body] HubSpotBatchRead read, [Property(RetrySafety.MarkedSafeOption)] bool retrySafe, CancellationToken cancellationToken);
}
