using ApiPlatform.SystemApis.Erp.Inventory;

namespace ApiPlatform.SystemApis.Erp.Data;

internal static class ErpSeedData
{
    private const string Stuttgart = Warehouses.Stuttgart;
    private const string Chicago = Warehouses.Chicago;

    public static ProductEntity[] Products =>
    [
        Product("IND-PUMP-200", "Industrial pump 200", "Centrifugal pump, 200 m³/h, stainless steel", "PC", "STANDARD", true),
        Product("ROBOT-ARM-X", "Robotic arm X", "Six-axis industrial robot, 20 kg payload", "PC", "STANDARD", true),
        Product("SPARE-KIT", "Spare parts kit", "Seals, bearings and filters for pump series 200", "PC", "STANDARD", true),
        Product("SVC-INSTALL", "Installation service", "On-site installation and commissioning, per job", "JOB", "SERVICES", false),
        Product("SRV-RACK-42U", "Server rack 42U", "42U enclosure with PDU and cable management", "PC", "STANDARD", true),
        Product("SRV-BLADE-8", "Blade server, 8 cores", "Blade server, 8 cores, 128 GB RAM", "PC", "STANDARD", true),
        Product("SVC-SUPPORT-Y1", "Support, first year", "Next-business-day support, 12 months", "YR", "SERVICES", false),
        Product("MAN-TECH-DOC", "Technical manual", "Printed operating manual", "PC", "REDUCED", true),
    ];

    public static (string Sku, string Warehouse, decimal OnHand)[] Stock =>
    [
        ("IND-PUMP-200", Stuttgart, 40), ("ROBOT-ARM-X", Stuttgart, 25), ("SPARE-KIT", Stuttgart, 500), ("MAN-TECH-DOC", Stuttgart, 1_000),
        ("SRV-RACK-42U", Chicago, 60), ("SRV-BLADE-8", Chicago, 120), ("SPARE-KIT", Chicago, 80),
    ];

    public static PriceListEntity[] PriceLists(DateOnly today) =>
    [
        new()
        {
            Id = "pl-eur-2026", Name = "List prices EUR", Currency = "EUR", ValidFrom = today.AddMonths(-6),
            Prices = [Price("IND-PUMP-200", 1, 2450m), Price("IND-PUMP-200", 10, 2300m), Price("ROBOT-ARM-X", 1, 48500m), Price("SPARE-KIT", 1, 120m),
                Price("SPARE-KIT", 50, 105m), Price("SVC-INSTALL", 1, 1800m), Price("MAN-TECH-DOC", 1, 45m)],
        },
        new()
        {
            Id = "pl-usd-2026", Name = "List prices USD", Currency = "USD", ValidFrom = today.AddMonths(-6),
            Prices = [Price("SRV-RACK-42U", 1, 3900m), Price("SRV-BLADE-8", 1, 5200m), Price("SRV-BLADE-8", 20, 4900m), Price("SVC-SUPPORT-Y1", 1, 2400m),
                Price("SPARE-KIT", 1, 135m)],
        },
        new()
        {
            Id = "pl-acme-contract", Name = "ACME framework agreement", Currency = "EUR", Tenant = "acme", ValidFrom = today.AddMonths(-1), ValidTo = today.AddYears(2),
            Prices = [Price("IND-PUMP-200", 1, 2250m), Price("SPARE-KIT", 1, 110m)],
        },
    ];

    private static ProductEntity Product(string sku, string name, string description, string unit, string taxCode, bool stocked) =>
        new() { Sku = sku, Name = name, Description = description, Unit = unit, TaxCode = taxCode, Stocked = stocked };

    private static PriceEntity Price(string sku, decimal minQuantity, decimal unitPrice) => new() { Sku = sku, MinQuantity = minQuantity, UnitPrice = unitPrice };
}
