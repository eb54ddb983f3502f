using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.SystemApis.Finance.Receivables;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder v1)
    {
        var payments = v1.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/", Record).WithValidation<RecordPaymentRequest>().WithName("recordPayment")
            .WithSummary("Record a customer payment (once per bank reference) and apply it to invoices; what is not applied stays on account")
            .ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        payments.MapGet("/", List).WithName("listPayments").WithSummary("List payments, optionally of one account");
        payments.MapGet("/{id}", Get).WithName("getPayment").WithSummary("Get one payment with its applications").ProducesProblem(404);
        payments.MapPost("/{id}/applications", Apply).WithValidation<ApplyPaymentRequest>().WithName("applyPayment")
            .WithSummary("Apply the unapplied part of a payment to invoices").ProducesProblem(404).ProducesProblem(422);
        return payments;
    }

    public static async Task<Results<Created<Payment>, Ok<Payment>, ProblemHttpResult>> Record(
        RecordPaymentRequest request, [AsParameters] FinanceRequest finance, PaymentAllocator allocator, GeneralLedger ledger, TimeProvider time,
        CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        Task<PaymentEntity?> Earlier() =>
            finance.Db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Tenant == request.Tenant && p.Reference == request.Reference, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return Replay(earlier, request);
        }

        var payment = new PaymentEntity
        {
            Id = $"pay-{Guid.NewGuid():N}", Tenant = request.Tenant, AccountId = request.AccountId, Currency = request.Amount.Currency,
            Amount = request.Amount.Amount, Method = request.Method, Reference = request.Reference, ReceivedAt = time.GetUtcNow(),
        };
        finance.Db.Payments.Add(payment);
        await ledger.PostAsync(payment.Tenant, ledger.Today, $"Payment {payment.Reference} from {payment.AccountId}", payment.Currency,
            [(Accounts.Bank, payment.Amount, 0m, payment.Method), (Accounts.Receivables, 0m, payment.Amount, payment.AccountId)], null, cancellationToken);
        if (await allocator.ApplyAsync(payment, request.Applications ?? [], cancellationToken) is { } refused)
        {
            return refused;
        }
        finance.Changes.Received(payment);
        if (await finance.Db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent)
        {
            return Replay(concurrent, request);
        }
        return TypedResults.Created($"/v1/payments/{payment.Id}", FinanceMapping.ToContract(payment));
    }

    private static Results<Created<Payment>, Ok<Payment>, ProblemHttpResult> Replay(PaymentEntity earlier, RecordPaymentRequest request) =>
        earlier.AccountId == request.AccountId && earlier.Amount == request.Amount.Amount
            ? TypedResults.Ok(FinanceMapping.ToContract(earlier))
            : ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Reference already recorded",
                $"Bank reference {request.Reference} was recorded as payment {earlier.Id} of another amount or account.");

    public static async Task<Results<Ok<Payment>, NotFound, ProblemHttpResult>> Apply(
        string id, ApplyPaymentRequest request, [AsParameters] FinanceRequest finance, PaymentAllocator allocator, CancellationToken cancellationToken)
    {
        var payment = await finance.Db.Payments.VisibleTo(finance.User).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null)
        {
            return TypedResults.NotFound();
        }
        var firstNew = payment.Applications.Count + 1;
        if (await allocator.ApplyAsync(payment, request.Applications, cancellationToken) is { } refused)
        {
            return refused;
        }
        finance.Changes.Applied(payment, firstNew);
        await finance.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FinanceMapping.ToContract(payment));
    }

    public static async Task<Ok<Page<Payment>>> List(
        [AsParameters] PageRequest page, string? accountId, [FromQuery] string? tenant, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        var resolved = TenantScope.Resolve(finance.User, tenant);
        var query = finance.Db.Payments.AsNoTracking().Where(p => (resolved == null || p.Tenant == resolved) && (accountId == null || p.AccountId == accountId));
        return TypedResults.Ok(await query.OrderBy(p => p.Id).ToPageAsync(page, FinanceMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Payment>, NotFound>> Get(string id, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await finance.Db.Payments.AsNoTracking().VisibleTo(finance.User).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } payment
            ? TypedResults.Ok(FinanceMapping.ToContract(payment))
            : TypedResults.NotFound();
}
