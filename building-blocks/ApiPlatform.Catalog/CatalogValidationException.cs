namespace ApiPlatform.Catalog;

public sealed class CatalogValidationException(IReadOnlyList<string> errors)
    : Exception("The API catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
