using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Receivables;

/// <summary>Applies a payment to invoices of its account and currency: never more than the payment has left, nor more than an invoice has due (else 422).</summary>
public sealed class PaymentAllocator(FinanceDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(PaymentEntity payment, IReadOnlyList<PaymentApplicationRequest> applications, CancellationToken cancellationToken)
    {
        if (applications.Sum(a => a.Amount.Amount) > payment.Unapplied)
        {
            throw Refusal($"The payment has {payment.Unapplied:0.00} {payment.Currency} left to apply.");
        }

        var sequence = payment.Applications.Count;
        foreach (var application in applications)
        {
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == application.InvoiceId && i.Tenant == payment.Tenant, cancellationToken);
            if (invoice is null || invoice.AccountId != payment.AccountId || invoice.Currency != application.Amount.Currency || invoice.Currency != payment.Currency)
            {
                throw Refusal($"Invoice {application.InvoiceId} is not an invoice of {payment.AccountId} in {payment.Currency}.");
            }
            if (invoice.Status == InvoiceStatus.Void || application.Amount.Amount > invoice.AmountDue)
            {
                throw Refusal($"Invoice {invoice.Number} has {invoice.AmountDue:0.00} {invoice.Currency} due.");
            }

            invoice.AmountPaid += application.Amount.Amount;
            InvoiceFactory.Settle(invoice);
            payment.Applications.Add(new PaymentApplicationEntity { Sequence = ++sequence, InvoiceId = invoice.Id, Amount = application.Amount.Amount, AppliedAt = time.GetUtcNow() });
        }
    }

    private static ProblemException Refusal(string detail) => new(422, ProblemTypes.BusinessRule, "Payment cannot be applied", detail);
}
