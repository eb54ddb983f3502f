namespace ApiPlatform.Catalog;

public enum VersionStatus
{
    Draft,
    Active,
    Deprecated,
    Retired,
}
