namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

// HubSpot CRM v3 payloads as documented; property values are strings, checked when mapped.

public sealed record HubSpotObject(
    string? Id, Dictionary<string, string?>? Properties, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, bool Archived,
    Dictionary<string, HubSpotAssociations>? Associations)
{
    public string? this[string property] => Properties is not null && Properties.TryGetValue(property, out var value) ? value : null;
}

public sealed record HubSpotAssociations(IReadOnlyList<HubSpotAssociation>? Results);

public sealed record HubSpotAssociation(string? Id, string? Type);

public sealed record HubSpotPage(int? Total, IReadOnlyList<HubSpotObject>? Results, HubSpotPaging? Paging);

public sealed record HubSpotPaging(HubSpotNext? Next);

public sealed record HubSpotNext(string? After, string? Link);

public sealed record HubSpotSearch(IReadOnlyList<HubSpotFilterGroup> FilterGroups, IReadOnlyList<string> Properties, IReadOnlyList<HubSpotSort> Sorts, int Limit, string? After);

public sealed record HubSpotFilterGroup(IReadOnlyList<HubSpotFilter> Filters);

public sealed record HubSpotFilter(string PropertyName, string Operator, string? Value);

public sealed record HubSpotSort(string PropertyName, string Direction);

public sealed record HubSpotWrite(Dictionary<string, string?> Properties, IReadOnlyList<HubSpotAssociationWrite>? Associations = null);

public sealed record HubSpotAssociationWrite(HubSpotTarget To, IReadOnlyList<HubSpotAssociationType> Types);

public sealed record HubSpotTarget(string Id);

public sealed record HubSpotAssociationType(string AssociationCategory, int AssociationTypeId);

public sealed record HubSpotBatchRead(IReadOnlyList<HubSpotTarget> Inputs, IReadOnlyList<string> Properties);

public sealed record HubSpotBatch(string? Status, IReadOnlyList<HubSpotObject>? Results, IReadOnlyList<HubSpotBatchError>? Errors = null);

public sealed record HubSpotBatchError(string? Status, string? Category, string? Message);

public sealed record HubSpotBatchCreate(IReadOnlyList<HubSpotWrite> Inputs);

public sealed record HubSpotBatchArchive(IReadOnlyList<HubSpotTarget> Inputs);
