using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.ProcessApis.Reconciliation.Tests;

/// <summary>Documents of erp and finance as their APIs answer them, with only what the rules read set.</summary>
internal static class Docs
{
    public static readonly DateTimeOffset InPeriod = new(2026, 11, 15, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Before = new(2026, 10, 31, 23, 59, 59, TimeSpan.Zero);

    private static readonly SourceReference Embedded = new("embedded", "x");

    public static SalesOrder Order(string id, decimal total, string currency = "EUR", DateTimeOffset? at = null, SalesOrderStatus status = SalesOrderStatus.Open) =>
        new(id, "acme", "SO-" + id, "acc-1", null, status, [], new Money(total, currency), at ?? InPeriod, Embedded);

    public static Invoice Invoice(string id, string? orderId, decimal subtotal, string currency = "EUR", decimal tax = 0m, DateTimeOffset? at = null,
        InvoiceStatus status = InvoiceStatus.Open)
    {
        Money M(decimal amount) => new(amount, currency);
        return new(id, "acme", "INV-" + id, "acc-1", orderId, status, "DE", [], M(subtotal), M(tax), M(subtotal + tax), M(0), M(0), M(subtotal + tax),
            at ?? InPeriod, (at ?? InPeriod).AddDays(30), Embedded);
    }

    public static Payment Payment(string id, string reference, decimal amount, decimal unapplied = 0m, DateTimeOffset? at = null) =>
        new(id, "acme", "acc-1", new Money(amount, "EUR"), "bank-transfer", reference, at ?? InPeriod, [], new Money(unapplied, "EUR"), Embedded);

    public static JournalEntry Entry(string id, string description, decimal amount, string currency = "EUR", SourceReference? origin = null) =>
        new(id, "acme", "JE-" + id, DateOnly.FromDateTime(InPeriod.UtcDateTime), description, currency,
            [
                new JournalLine(1, "1100", new Money(amount, currency), new Money(0, currency), null),
                new JournalLine(2, "4000", new Money(0, currency), new Money(amount, currency), null),
            ],
            origin, InPeriod, Embedded);

    public static BillingEvent BillingEvent(string sourceId) =>
        new("be-" + sourceId, "acme", BillingEventType.InvoicePaid, InPeriod, "cus_1", null, null, new Money(10, "EUR"), null, "je-x", new SourceReference("stripe", sourceId));
}
