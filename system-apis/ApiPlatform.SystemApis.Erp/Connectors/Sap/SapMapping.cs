using System.Globalization;
using System.Text.RegularExpressions;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>SAP entities in canonical form; anything out of contract stops the mapping (and so the answer).</summary>
internal static partial class SapMapping
{
    private const string System = SapErpConnector.SystemName;

    [GeneratedRegex(@"^/Date\((-?\d{1,15})([+-]\d{4})?\)/$")]
    private static partial Regex ODataDate();

    [GeneratedRegex("^[0-9A-Z]{1,10}$")]
    private static partial Regex KeyPattern();

    public static bool IsKey(string? value) => value is not null && KeyPattern().IsMatch(value);

    public static Customer ToCustomer(SapBusinessPartner bp, string tenant, string currency)
    {
        var id = Key(bp.BusinessPartner, "BusinessPartner");
        var address = bp.Addresses?.Results?.FirstOrDefault();
        var country = UpstreamGuard.Country(address?.Country, "to_BusinessPartnerAddress.Country");
        return new Customer(id, tenant, id, UpstreamGuard.Text(bp.BusinessPartnerFullName ?? bp.OrganizationBPName1, "BusinessPartnerFullName", 81),
            UpstreamGuard.OptionalText(bp.BusinessPartnerIDByExtSystem, "BusinessPartnerIDByExtSystem", 20), country, currency,
            address is null ? null : new Address(UpstreamGuard.Text($"{address.StreetName} {address.HouseNumber}".Trim(), "StreetName", 120), null,
                UpstreamGuard.Text(address.CityName, "CityName", 80), UpstreamGuard.Text(address.PostalCode, "PostalCode", 16), address.Region, country),
            bp.BusinessPartnerIsBlocked ?? false, Date(bp.LastChangeDate, "LastChangeDate"), new SourceReference(System, id));
    }

    public static Product ToProduct(SapProduct p)
    {
        var sku = UpstreamGuard.Text(p.Product, "Product", 40);
        var name = p.Descriptions?.Results?.FirstOrDefault(d => d.Language == "EN")?.ProductDescription ?? sku;
        return new Product(sku, sku, UpstreamGuard.Text(name, "ProductDescription", 40), UpstreamGuard.Text(name, "ProductDescription", 40),
            UpstreamGuard.Text(p.BaseUnit, "BaseUnit", 3), p.ProductType == "DIEN" ? "SERVICES" : "STANDARD", p.ProductType != "DIEN",
            !(p.IsMarkedForDeletion ?? false), new SourceReference(System, sku));
    }

    public static SalesOrder ToSalesOrder(SapSalesOrder o, string tenant)
    {
        var id = Key(o.SalesOrder, "SalesOrder");
        var currency = UpstreamGuard.Currency(o.TransactionCurrency, "TransactionCurrency");
        var lines = UpstreamGuard.Bounded(o.Items?.Results ?? [], "to_Item", 500).Select((item, i) =>
        {
            var quantity = UpstreamGuard.Range(Number(item.RequestedQuantity, "RequestedQuantity"), "RequestedQuantity", 0.001m, 1_000_000m);
            var net = UpstreamGuard.Amount(Number(item.NetAmount, "NetAmount"), "NetAmount");
            return new SalesOrderLine(i + 1, UpstreamGuard.Text(item.Material, "Material", 40), UpstreamGuard.OptionalText(item.SalesOrderItemText, "SalesOrderItemText", 40) ?? "",
                quantity, new Money(Math.Round(net / quantity, 4), currency), 0m, new Money(net, currency));
        }).ToList();
        var total = UpstreamGuard.Amount(Number(o.TotalNetAmount, "TotalNetAmount"), "TotalNetAmount");
        if (lines.Count > 0 && Math.Abs(lines.Sum(l => l.NetAmount.Amount) - total) > 0.01m)
        {
            throw new UpstreamContractException("a TotalNetAmount that is not the sum of its items", "TotalNetAmount");
        }
        return new SalesOrder(id, tenant, id, Key(o.SoldToParty, "SoldToParty"), null, Status(o), lines, new Money(total, currency),
            Date(o.CreationDate, "CreationDate"), new SourceReference(System, id));
    }

    private static SalesOrderStatus Status(SapSalesOrder o) => (o.OverallSDDocumentRejectionSts, o.OverallSDProcessStatus) switch
    {
        ("C", _) => SalesOrderStatus.Cancelled,
        (_, "A" or "" or null) => SalesOrderStatus.Open,
        (_, "B") => SalesOrderStatus.Released,
        (_, "C") => SalesOrderStatus.Shipped,
        (_, var other) => throw new UpstreamContractException($"an unknown OverallSDProcessStatus '{other}'", "OverallSDProcessStatus"),
    };

    private static string Key(string? value, string field) => IsKey(value) ? value! : throw new UpstreamContractException($"'{field}' that is not an SAP key", field);

    public static decimal Number(string? value, string field) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : throw new UpstreamContractException($"'{field}' that is not a number", field);

    public static DateTimeOffset Date(string? value, string field) =>
        value is not null && ODataDate().Match(value) is { Success: true } match
            && long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds is > -62135596800000 and < 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : throw new UpstreamContractException($"'{field}' that is not an OData date", field);
}
