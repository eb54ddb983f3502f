using ApiPlatform.ExperienceApis.Analytics.Data;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

internal static class TransactionMapping
{
    public static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    public static Transaction ToContract(TransactionEntity t, long now) => new(t.Id, t.Tenant, t.Kind, t.Status, Time(t.StartedAt), Time(t.LastProgressAt))
    {
        EndedAt = t.EndedAt is { } ended ? Time(ended) : null,
        Stage = t.Stage,
        WaitingOn = t.WaitingOn,
        LastStep = t.LastStep,
        DueAt = t.DueAt is { } due ? Time(due) : null,
        Stalled = !t.Ended && t.DueAt < now,
        Reason = t.Reason,
        CorrelationId = t.CorrelationId,
        Amount = t.Amount,
        Currency = t.Currency,
        Documents = new()
        {
            QuoteId = t.QuoteId, SalesOrderId = t.SalesOrderId, InvoiceId = t.InvoiceId,
            PurchaseOrderId = t.PurchaseOrderId, SupplierInvoiceId = t.SupplierInvoiceId,
        },
    };

    public static TimelineEntry ToContract(TimelineEntryEntity e) =>
        new(e.Id, e.System, e.EventType, Time(e.At), e.Reference, e.Step, e.Status, e.Detail, e.CorrelationId);
}
