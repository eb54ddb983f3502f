using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>What a reconciliation found wrong between erp, finance and its ledger.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExceptionKind>))]
public enum ExceptionKind
{
    OrderWithoutInvoice,
    InvoiceWithoutJournalEntry,
    AmountMismatch,
    CurrencyMismatch,
    PaymentNotApplied,
    DuplicatePosting,
    JournalEntryWithoutSource,
}
