using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

/// <summary>A quote as a partner sees it: no internal source references.</summary>
public sealed record PartnerQuote(
    string Id, string Number, QuoteStatus Status, Money Subtotal, Money Discount, Money Tax, Money Total, DateTimeOffset ValidUntil,
    IReadOnlyList<PartnerQuoteLine> Lines)
{
    public static PartnerQuote From(Quote q) => new(
        q.Id, q.Number, q.Status, q.Subtotal, q.Discount, q.Tax, q.Total, q.ValidUntil,
        q.Lines.Select(l => new PartnerQuoteLine(l.Sku, l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent, l.NetAmount)).ToList());
}

public sealed record PartnerQuoteLine(string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent, Money NetAmount);
