using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.SystemApis.Erp.Data;

namespace ApiPlatform.SystemApis.Erp.Connectors.Embedded;

internal static class SalesOrderMapping
{
    public static SalesOrder ToContract(SalesOrderEntity order)
    {
        var lines = order.Lines.OrderBy(l => l.LineNumber).Select(l => new SalesOrderLine(
            l.LineNumber, l.Sku, l.Description, l.Quantity, new Money(l.UnitPrice, order.Currency), l.DiscountPercent,
            new Money(NetAmount(l), order.Currency))).ToList();
        return new SalesOrder(order.Id, order.Tenant, order.Number, order.CustomerAccountId, order.QuoteId, order.Status, lines,
            new Money(lines.Sum(l => l.NetAmount.Amount), order.Currency), order.CreatedAt, new SourceReference(EmbeddedMapping.System, order.Number));
    }

    // Rounded per line like the quote it came from, so an order's total equals its quote's net total.
    private static decimal NetAmount(SalesOrderLineEntity line)
    {
        var gross = Math.Round(line.Quantity * line.UnitPrice, 2, MidpointRounding.AwayFromZero);
        return gross - Math.Round(gross * line.DiscountPercent / 100m, 2, MidpointRounding.AwayFromZero);
    }
}
