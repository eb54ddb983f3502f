using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Data;

namespace ApiPlatform.SystemApis.Finance;

internal static class FinanceMapping
{
    private const string System = Tax.TaxCalculator.EmbeddedFinance;

    public static Invoice ToContract(InvoiceEntity i)
    {
        Money M(decimal amount) => new(amount, i.Currency);
        return new Invoice(i.Id, i.Tenant, i.Number, i.AccountId, i.SalesOrderId, i.Status, i.Jurisdiction,
            i.Lines.OrderBy(l => l.LineNumber).Select(l => new InvoiceLine(l.LineNumber, l.Sku, l.Description, l.Quantity, M(l.UnitPrice), l.DiscountPercent,
                M(l.NetAmount), l.TaxCode, l.TaxRate, M(l.TaxAmount))).ToList(),
            M(i.Subtotal), M(i.Tax), M(i.Total), M(i.AmountPaid), M(i.AmountCredited), M(i.AmountDue), i.IssuedAt, i.DueAt, new SourceReference(System, i.Number));
    }

    public static CreditNote ToContract(CreditNoteEntity n) =>
        new(n.Id, n.Tenant, n.Number, n.InvoiceId, new Money(n.Amount, n.Currency), n.Reason, n.IssuedAt, new SourceReference(System, n.Number));

    public static Payment ToContract(PaymentEntity p) => new(
        p.Id, p.Tenant, p.AccountId, new Money(p.Amount, p.Currency), p.Method, p.Reference, p.ReceivedAt,
        p.Applications.OrderBy(a => a.Sequence).Select(a => new PaymentApplication(a.InvoiceId, new Money(a.Amount, p.Currency), a.AppliedAt)).ToList(),
        new Money(p.Unapplied, p.Currency), new SourceReference(System, p.Id));

    public static JournalEntry ToContract(JournalEntryEntity e) => new(
        e.Id, e.Tenant, e.Number, e.PostingDate, e.Description, e.Currency,
        e.Lines.OrderBy(l => l.LineNumber).Select(l => new JournalLine(l.LineNumber, l.AccountCode, new Money(l.Debit, e.Currency), new Money(l.Credit, e.Currency), l.Memo)).ToList(),
        e.OriginSystem is null || e.OriginId is null ? null : new SourceReference(e.OriginSystem, e.OriginId), e.PostedAt, new SourceReference(System, e.Number));

    public static SupplierInvoice ToContract(SupplierInvoiceEntity i) => new(
        i.Id, i.Tenant, i.SupplierId, i.SupplierInvoiceNumber, i.PurchaseOrderId, i.Status, new Money(i.Net, i.Currency), new Money(i.Tax, i.Currency),
        new Money(i.Total, i.Currency), new Money(i.AmountPaid, i.Currency), new Money(i.Total - i.AmountPaid, i.Currency), i.InvoiceDate, i.DueDate,
        new SourceReference(System, i.Id));

    public static SupplierPayment ToContract(SupplierPaymentEntity p) =>
        new(p.Id, p.Tenant, p.SupplierInvoiceId, new Money(p.Amount, p.Currency), p.Reference, p.PaidAt, new SourceReference(System, p.Id));

    public static BillingEvent ToContract(BillingEventEntity e) => new(
        e.Id, e.Tenant, e.Type, e.OccurredAt, e.CustomerId, e.SubscriptionId, e.InvoiceId,
        e.Amount is { } amount && e.Currency is { } currency ? new Money(amount, currency) : null,
        e.Tax is { } tax && e.Currency is { } taxCurrency ? new Money(tax, taxCurrency) : null,
        e.JournalEntryId, new SourceReference(e.SourceSystem, e.SourceId));
}
