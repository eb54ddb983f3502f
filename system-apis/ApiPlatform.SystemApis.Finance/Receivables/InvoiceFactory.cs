using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Tax;

namespace ApiPlatform.SystemApis.Finance.Receivables;

/// <summary>An invoice from an order's lines: each line's discount and tax rounded to the cent, totals the sums of lines.</summary>
public static class InvoiceFactory
{
    public static InvoiceEntity Create(
        IssueInvoiceRequest request, string jurisdiction, Dictionary<string, decimal> rates, string client, string key, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        var lines = request.Lines.Select((l, i) =>
        {
            var gross = TaxCalculator.Round(l.Quantity * l.UnitPrice.Amount);
            var net = gross - TaxCalculator.Round(gross * l.DiscountPercent / 100m);
            var taxCode = l.TaxCode ?? TaxCalculator.DefaultTaxCode;
            var rate = TaxCalculator.RateOf(rates, jurisdiction, taxCode);
            return new InvoiceLineEntity
            {
                LineNumber = i + 1, Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount,
                DiscountPercent = l.DiscountPercent, NetAmount = net, TaxCode = taxCode, TaxRate = rate, TaxAmount = TaxCalculator.Round(net * rate),
            };
        }).ToList();
        return new InvoiceEntity
        {
            Id = $"inv-{id}", Tenant = request.Tenant, Number = $"INV-{now:yyyyMM}-{id[..8].ToUpperInvariant()}", AccountId = request.AccountId,
            SalesOrderId = request.SalesOrderId, Status = InvoiceStatus.Open, Currency = request.Currency, Jurisdiction = jurisdiction,
            Subtotal = lines.Sum(l => l.NetAmount), Tax = lines.Sum(l => l.TaxAmount), IssuedAt = now, DueAt = now.AddDays(request.PaymentTermsDays ?? 30),
            CreatedBy = client, IdempotencyKey = key, Lines = lines,
        };
    }

    /// <summary>Open until paid: the status follows what has been paid and credited.</summary>
    public static void Settle(InvoiceEntity invoice) => invoice.Status = invoice.Status == InvoiceStatus.Void ? InvoiceStatus.Void
        : invoice.AmountDue <= 0 ? InvoiceStatus.Paid
        : invoice.AmountPaid > 0 ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Open;
}
