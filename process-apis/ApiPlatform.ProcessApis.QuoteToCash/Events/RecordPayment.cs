using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.QuoteToCash.Events;

/// <summary>
/// Money applied to an ordered quote's invoice (at once with a recorded payment, or later): the order request records
/// it, and is <c>Paid</c> once the invoice total is covered.
/// </summary>
internal sealed class RecordPayment(QuoteToCashDbContext db, IWorkflowClient workflows) : IEventHandler<PaymentApplied>, IEventHandler<PaymentRecorded>
{
    public Task HandleAsync(PaymentApplied applied, EventContext context, CancellationToken cancellationToken) =>
        RecordAsync(applied.PaymentId, applied.Applications, context, cancellationToken);

    public Task HandleAsync(PaymentRecorded recorded, EventContext context, CancellationToken cancellationToken) =>
        RecordAsync(recorded.PaymentId, recorded.Applications, context, cancellationToken);

    private async Task RecordAsync(string paymentId, IReadOnlyList<PaymentApplication> applications, EventContext context, CancellationToken cancellationToken)
    {
        foreach (var application in applications)
        {
            var link = await db.OrderLinks.AsNoTracking()
                .FirstOrDefaultAsync(l => l.Kind == OrderLinkKind.Invoice && l.DocumentId == application.InvoiceId, cancellationToken);
            if (link is null)
            {
                continue;
            }
            await workflows.RecordAsync<OrderWorkflow, OrderState>(link.OrderRequestId, state =>
            {
                if (state.Payments.Any(p => p.PaymentId == paymentId && p.AppliedAt == application.AppliedAt && p.Amount == application.Amount))
                {
                    return null;
                }
                state.Payments.Add(new PaymentRecord(paymentId, application.Amount, application.AppliedAt));
                var paid = state.Payments.Sum(p => p.Amount.Amount);
                if (state.PaidAt is null && state.InvoiceTotal is { } total && paid >= total.Amount)
                {
                    state.PaidAt = application.AppliedAt;
                    return OrderMilestones.Paid;
                }
                return "payment";
            }, $"event:{context.Type}", cancellationToken);
        }
    }
}
