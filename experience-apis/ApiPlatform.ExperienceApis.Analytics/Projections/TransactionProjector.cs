using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Consumers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// Applies events to the read model in the handler's transaction (committed with the inbox row, so a redelivery has
/// no second effect). Process events move their transaction; every event adds one timeline entry per document.
/// </summary>
internal sealed class TransactionProjector(AnalyticsDbContext db, IOptions<AnalyticsOptions> options)
{
    public async Task ApplyAsync(ProcessFact fact, EventContext context, CancellationToken cancellationToken)
    {
        var at = fact.At.ToUnixTimeMilliseconds();
        var transaction = await db.Transactions.FindAsync([fact.TransactionId], cancellationToken);
        if (transaction is null)
        {
            transaction = new TransactionEntity
            {
                Id = fact.TransactionId, Tenant = fact.Tenant, Kind = fact.Process, Status = fact.Status, StartedAt = at, LastProgressAt = at,
            };
            db.Transactions.Add(transaction);
        }
        transaction.CorrelationId ??= context.CorrelationId;
        transaction.StartedAt = Math.Min(transaction.StartedAt, at);
        if (fact.Total is { } total)
        {
            (transaction.Amount, transaction.Currency) = (total.Amount, total.Currency);
        }
        RecordDocuments(transaction, fact, at);
        if (at >= transaction.LastProgressAt)
        {
            Advance(transaction, fact, at);
        }
        foreach (var document in fact.Documents.Where(d => d.Id is not null))
        {
            await LinkAsync(document.Key, transaction.Id, cancellationToken);
        }
        AddEntry(fact.Documents[0].Key, fact.Tenant, fact.Process, context, at, fact.Step, fact.Status, fact.Reason, transactionId: transaction.Id);
    }

    /// <summary>A system's event about one business document, linked to its transaction by reference.</summary>
    public void AddSystemEntry(string reference, string tenant, EventContext context, DateTimeOffset at, string? detail, int part = 0) =>
        AddEntry(reference, tenant, context.Type[..context.Type.IndexOf('.', StringComparison.Ordinal)], context, at.ToUnixTimeMilliseconds(),
            null, null, detail, part);

    private void Advance(TransactionEntity transaction, ProcessFact fact, long at)
    {
        var stage = Stage.Of(fact.Process, fact.Status);
        transaction.Status = fact.Status;
        transaction.LastProgressAt = at;
        transaction.LastStep = fact.Step ?? transaction.LastStep;
        transaction.Reason = fact.Reason ?? transaction.Reason;
        transaction.Stage = stage?.Name;
        transaction.WaitingOn = stage?.System;
        transaction.DueAt = stage is null ? null : at + (long)options.Value.SlaOf(stage.Name).TotalMilliseconds;
        transaction.Ended = stage is null;
        transaction.EndedAt = stage is null ? at : null;
        if (fact.Status == "AwaitingApproval")
        {
            transaction.ApprovalRequestedAt ??= at;
        }
        else if (transaction.ApprovalRequestedAt is { } requested && transaction.ApprovalWaitMs is null)
        {
            transaction.ApprovalWaitMs = at - requested;
        }
        if (fact.Status == "Paid")
        {
            transaction.PaidAt ??= at;
        }
    }

    private static void RecordDocuments(TransactionEntity transaction, ProcessFact fact, long at)
    {
        foreach (var document in fact.Documents.Where(d => d.Id is not null))
        {
            switch (document.Kind)
            {
                case References.Quote: transaction.QuoteId = document.Id; break;
                case References.SalesOrder: transaction.SalesOrderId = document.Id; transaction.OrderedAt ??= at; break;
                case References.PurchaseOrder: transaction.PurchaseOrderId = document.Id; transaction.OrderedAt ??= at; break;
                case References.Invoice: transaction.InvoiceId = document.Id; transaction.InvoicedAt ??= at; break;
                case References.SupplierInvoice: transaction.SupplierInvoiceId = document.Id; transaction.InvoicedAt ??= at; break;
            }
        }
    }

    private async Task LinkAsync(string reference, string transactionId, CancellationToken cancellationToken)
    {
        var link = db.TransactionLinks.Local.FirstOrDefault(l => l.Reference == reference)
            ?? await db.TransactionLinks.FirstOrDefaultAsync(l => l.Reference == reference, cancellationToken);
        if (link is null)
        {
            db.TransactionLinks.Add(new TransactionLinkEntity { Reference = reference, TransactionId = transactionId });
        }
        else
        {
            link.TransactionId = transactionId;
        }
    }

    private void AddEntry(
        string reference, string tenant, string system, EventContext context, long at, string? step, string? status, string? detail,
        int part = 0, string? transactionId = null) =>
        db.TimelineEntries.Add(new TimelineEntryEntity
        {
            Id = part == 0 ? context.EventId : $"{context.EventId}:{part}",
            Reference = reference,
            TransactionId = transactionId,
            Tenant = tenant,
            System = system,
            EventType = context.Type,
            Step = step,
            Status = status,
            Detail = detail,
            At = at,
            CorrelationId = context.CorrelationId,
        });
}
