namespace ApiPlatform.SystemApis.Erp.Inventory;

/// <summary>The embedded ERP's warehouses, and the one goods move through when a shipment or receipt names none.</summary>
public static class Warehouses
{
    public const string Stuttgart = "DE-STR";
    public const string Chicago = "US-CHI";

    /// <summary>Dollar orders ship from and are received at Chicago; every other currency at Stuttgart.</summary>
    public static string DefaultFor(string currency) => currency == "USD" ? Chicago : Stuttgart;
}
