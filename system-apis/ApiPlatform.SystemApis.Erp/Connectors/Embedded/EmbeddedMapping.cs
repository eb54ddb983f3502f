using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.SystemApis.Erp.Data;

namespace ApiPlatform.SystemApis.Erp.Connectors.Embedded;

internal static class EmbeddedMapping
{
    public const string System = "embedded-erp";

    public static Customer ToContract(CustomerEntity c) => new(
        c.Id, c.Tenant, c.Number, c.Name, c.CrmAccountId, c.Country, c.Currency,
        c.Line1 is null ? null : new Address(c.Line1, c.Line2, c.City ?? "", c.PostalCode ?? "", c.Region, c.Country),
        c.Blocked, c.UpdatedAt, new SourceReference(System, c.Number));

    public static Product ToContract(ProductEntity p) =>
        new(p.Sku, p.Sku, p.Name, p.Description, p.Unit, p.TaxCode, p.Stocked, p.Active, new SourceReference(System, p.Sku));

    public static PriceList ToContract(PriceListEntity l) => new(
        l.Id, l.Name, l.Currency, l.Tenant, l.ValidFrom, l.ValidTo,
        l.Prices.OrderBy(p => p.Sku).ThenBy(p => p.MinQuantity).Select(p => new ProductPrice(p.Sku, p.MinQuantity, new Money(p.UnitPrice, l.Currency))).ToList(),
        new SourceReference(System, l.Id));

    public static Shipment ToContract(ShipmentEntity s) => new(
        s.Id, s.Tenant, s.Number, s.SalesOrderId, s.Warehouse, s.Carrier, s.TrackingNumber,
        s.Lines.OrderBy(l => l.LineNumber).Select(l => new ShipmentLine(l.LineNumber, l.Sku, l.Quantity)).ToList(), s.ShippedAt, new SourceReference(System, s.Number));

    public static Reservation ToContract(ReservationEntity r) => new(
        r.Id, r.Tenant, r.Sku, r.Warehouse, r.Quantity, r.Status, r.SalesOrderId, r.CreatedAt, r.ExpiresAt, r.ClosedAt, new SourceReference(System, r.Id));

    public static Supplier ToContract(SupplierEntity s) => new(s.Id, s.Tenant, s.Number, s.Name, s.Country, s.Currency, s.PaymentTermsDays, new SourceReference(System, s.Number));

    public static PurchaseOrder ToContract(PurchaseOrderEntity o)
    {
        var lines = o.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseOrderLine(l.LineNumber, l.Sku, l.Description, l.Quantity, l.ReceivedQuantity,
            new Money(l.UnitPrice, o.Currency), new Money(Math.Round(l.Quantity * l.UnitPrice, 2, MidpointRounding.AwayFromZero), o.Currency))).ToList();
        return new PurchaseOrder(o.Id, o.Tenant, o.Number, o.SupplierId, o.Status, lines, new Money(lines.Sum(l => l.NetAmount.Amount), o.Currency), o.CreatedAt,
            new SourceReference(System, o.Number));
    }

    public static GoodsReceipt ToContract(GoodsReceiptEntity r) => new(
        r.Id, r.Tenant, r.Number, r.PurchaseOrderId, r.Warehouse,
        r.Lines.OrderBy(l => l.PurchaseOrderLineNumber).Select(l => new GoodsReceiptLine(l.PurchaseOrderLineNumber, l.Sku, l.Quantity)).ToList(),
        r.ReceivedAt, new SourceReference(System, r.Number));
}
