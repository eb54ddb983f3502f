using ApiPlatform.Contracts.Reconciliation;

namespace ApiPlatform.ProcessApis.Reconciliation.Comparison;

/// <summary>References to the documents of the systems compared, as exceptions name them.</summary>
public static class Documents
{
    public static DocumentReference SalesOrder(string id) => new("erp", "sales-order", id);

    public static DocumentReference Invoice(string id) => new("finance", "invoice", id);

    public static DocumentReference Payment(string id) => new("finance", "payment", id);

    public static DocumentReference JournalEntry(string id) => new("finance", "journal-entry", id);
}
