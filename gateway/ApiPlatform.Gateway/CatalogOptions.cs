namespace ApiPlatform.Gateway;

/// <summary>Where the API catalog is read from (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>The catalog folder (holding <c>apis/</c> and <c>consumers.yaml</c>); defaults to the copy next to the binaries.</summary>
    public string? Path { get; set; }

    public string EffectivePath =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "catalog") : Path;

    /// <summary>The approved OpenAPI documents (<c>{api}/v{major}.json</c>); defaults to the copy next to the binaries.</summary>
    public string? OpenApiPath { get; set; }

    public string EffectiveOpenApiPath =>
        string.IsNullOrWhiteSpace(OpenApiPath) ? System.IO.Path.Combine(AppContext.BaseDirectory, "openapi") : OpenApiPath;
}
