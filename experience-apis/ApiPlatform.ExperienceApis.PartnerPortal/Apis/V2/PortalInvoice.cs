using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>An invoice as a partner sees it: what was billed, what is paid and what is still due, and by when.</summary>
public sealed record PortalInvoice(
    string Id, string Number, string AccountId, string? SalesOrderId, InvoiceStatus Status, IReadOnlyList<PortalInvoiceLine> Lines,
    Money Subtotal, Money Tax, Money Total, Money AmountPaid, Money AmountCredited, Money AmountDue, DateTimeOffset IssuedAt, DateTimeOffset DueAt)
{
    public static PortalInvoice From(Invoice i) => new(
        i.Id, i.Number, i.AccountId, i.SalesOrderId, i.Status,
        i.Lines.Select(l => new PortalInvoiceLine(l.LineNumber, l.Sku, l.Description, l.Quantity, l.UnitPrice, l.NetAmount, l.TaxRate, l.TaxAmount)).ToList(),
        i.Subtotal, i.Tax, i.Total, i.AmountPaid, i.AmountCredited, i.AmountDue, i.IssuedAt, i.DueAt);
}

public sealed record PortalInvoiceLine(
    int LineNumber, string Sku, string Description, decimal Quantity, Money UnitPrice, Money NetAmount, decimal TaxRate, Money TaxAmount);
