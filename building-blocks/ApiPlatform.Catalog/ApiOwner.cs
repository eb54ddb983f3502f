namespace ApiPlatform.Catalog;

public sealed class ApiOwner
{
    public string Team { get; set; } = "";
    public string Contact { get; set; } = "";
}
