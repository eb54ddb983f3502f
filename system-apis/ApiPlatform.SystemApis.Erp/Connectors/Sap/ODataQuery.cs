using Refit;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>The OData v2 system query options of a list request.</summary>
public sealed record ODataQuery(
    [property: AliasAs("$filter")] string? Filter,
    [property: AliasAs("$top")] int Top,
    [property: AliasAs("$skip")] int Skip,
    [property: AliasAs("$expand")] string? Expand,
    [property: AliasAs("$orderby")] string? OrderBy)
{
    [AliasAs("$inlinecount")]
    public string InlineCount => "allpages";

    [AliasAs("$format")]
    public string Format => "json";
}
