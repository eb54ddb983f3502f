using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Receivables;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    public static async Task<Results<Created<Payment>, Ok<Payment>>> Record(
        RecordPaymentRequest request, PaymentBook payments, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken)
    {
        TenantScope.Resolve(finance.User, request.Tenant);
        var written = await payments.RecordAsync(request, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/payments/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Results<Ok<Payment>, NotFound>> Apply(
        string id, ApplyPaymentRequest request, PaymentBook payments, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await payments.ApplyAsync(finance.User, id, request, cancellationToken) is { } payment ? TypedResults.Ok(payment) : TypedResults.NotFound();

    public static async Task<Ok<Page<Payment>>> List(
        [AsParameters] PageRequest page, string? accountId, [FromQuery] string? tenant, PaymentBook payments, [AsParameters] FinanceRequest finance,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await payments.ListAsync(TenantScope.Resolve(finance.User, tenant), accountId, page, cancellationToken));

    public static async Task<Results<Ok<Payment>, NotFound>> Get(string id, PaymentBook payments, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await payments.GetAsync(finance.User, id, cancellationToken) is { } payment ? TypedResults.Ok(payment) : TypedResults.NotFound();
}
