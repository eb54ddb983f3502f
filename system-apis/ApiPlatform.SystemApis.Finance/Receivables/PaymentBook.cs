using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Events;
using ApiPlatform.SystemApis.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Receivables;

/// <summary>
/// Customer payments: each bank reference recorded once per tenant (the same payment sent again answers the first),
/// posted to bank and receivables with <c>finance.payment.recorded.v1</c>, and applied to invoices now or later
/// (<c>finance.payment.applied.v1</c>); what is not applied stays on account.
/// </summary>
public sealed class PaymentBook(FinanceDbContext db, PaymentAllocator allocator, GeneralLedger ledger, FinanceChangeFeed changes, TimeProvider time)
{
    public async Task<Written<Payment>> RecordAsync(RecordPaymentRequest request, CancellationToken cancellationToken)
    {
        Task<PaymentEntity?> Earlier() =>
            db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Tenant == request.Tenant && p.Reference == request.Reference, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return Replay(earlier, request);
        }

        var payment = new PaymentEntity
        {
            Id = $"pay-{Guid.NewGuid():N}", Tenant = request.Tenant, AccountId = request.AccountId, Currency = request.Amount.Currency,
            Amount = request.Amount.Amount, Method = request.Method, Reference = request.Reference, ReceivedAt = time.GetUtcNow(),
        };
        db.Payments.Add(payment);
        await ledger.PostAsync(payment.Tenant, ledger.Today, $"Payment {payment.Reference} from {payment.AccountId}", payment.Currency,
            [(Accounts.Bank, payment.Amount, 0m, payment.Method), (Accounts.Receivables, 0m, payment.Amount, payment.AccountId)], null, cancellationToken);
        await allocator.ApplyAsync(payment, request.Applications ?? [], cancellationToken);
        var recorded = FinanceMapping.ToContract(payment);
        return await db.SaveOrFindWinnerAsync(() => changes.PaymentRecordedAsync(recorded, cancellationToken), Earlier) is { } concurrent
            ? Replay(concurrent, request)
            : new(recorded, Created: true);
    }

    private static Written<Payment> Replay(PaymentEntity earlier, RecordPaymentRequest request) =>
        earlier.AccountId == request.AccountId && earlier.Amount == request.Amount.Amount
            ? new(FinanceMapping.ToContract(earlier), Created: false)
            : throw new ProblemException(409, ProblemTypes.Conflict, "Reference already recorded",
                $"Bank reference {request.Reference} was recorded as payment {earlier.Id} of another amount or account.");

    /// <summary>The payment with the new applications, or null when the caller has no such payment.</summary>
    public async Task<Payment?> ApplyAsync(ClaimsPrincipal caller, string id, ApplyPaymentRequest request, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null)
        {
            return null;
        }
        var earlier = payment.Applications.Count;
        await allocator.ApplyAsync(payment, request.Applications, cancellationToken);
        var applied = FinanceMapping.ToContract(payment);
        await changes.PaymentAppliedAsync(applied, earlier, cancellationToken);
        return applied;
    }

    /// <summary>The payments of <paramref name="tenant"/>, or of every tenant when it is null.</summary>
    public Task<Page<Payment>> ListAsync(string? tenant, string? accountId, PageRequest page, CancellationToken cancellationToken) =>
        db.Payments.AsNoTracking().Where(p => (tenant == null || p.Tenant == tenant) && (accountId == null || p.AccountId == accountId))
            .OrderBy(p => p.Id).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken);

    public async Task<Payment?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.Payments.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } payment
            ? FinanceMapping.ToContract(payment)
            : null;
}
