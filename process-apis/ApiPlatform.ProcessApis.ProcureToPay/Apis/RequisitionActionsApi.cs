using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay.Apis;

/// <summary>What people do to a running requisition: decide on it, withdraw it, book goods received, submit the supplier's invoice.</summary>
public static class RequisitionActionsApi
{
    public static RouteGroupBuilder MapRequisitionActionsApi(this RouteGroupBuilder requisitions)
    {
        requisitions.MapPost("/{id}/approval", Decide).WithValidation<ApprovalDecisionRequest>().WithName("decideRequisitionApproval")
            .WithSummary("Approve or reject a requisition at its current approval level; only that level's approvers, never the requester or an earlier approver; 409 after the deadline")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        requisitions.MapPost("/{id}/withdrawal", Withdraw).WithValidation<WithdrawRequisitionRequest>().WithName("withdrawRequisition")
            .WithSummary("Withdraw a requisition before any goods were received: its purchase order, if placed, is cancelled")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        requisitions.MapPost("/{id}/receipts", Receive).WithValidation<RecordReceiptRequest>().WithName("recordRequisitionReceipt")
            .WithSummary("Book goods received against the requisition's purchase order in ERP (partial receipts allowed); the invoice is matched again")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        requisitions.MapPost("/{id}/invoices", SubmitInvoice).WithValidation<SubmitSupplierInvoiceRequest>().WithName("submitRequisitionInvoice")
            .WithSummary("Submit the supplier's invoice (or, after a rejection, the corrected one with a new number) for the three-way match")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return requisitions;
    }

    public static async Task<Results<Accepted<Requisition>, NotFound, ProblemHttpResult>> Decide(
        string id, ApprovalDecisionRequest decision, IWorkflowClient workflows, IOptions<ProcureToPayOptions> options, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await RequisitionsApi.Visible(id, workflows, user, cancellationToken) is not { } instance)
        {
            return TypedResults.NotFound();
        }
        var s = instance.StateAs<ProcurementState>();
        if (instance.WaitingFor != RequisitionWorkflow.ApprovalSignal)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "No decision expected", $"Requisition {id} does not wait for an approval.");
        }
        var level = s.Decisions.Count + 1;
        var rules = options.Value.Approval.Levels;
        var approver = user.GetClientId();
        if (user.GetTenant() is not null || approver is null || level > rules.Count || !rules[level - 1].Approvers.Contains(approver, StringComparer.Ordinal))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Not an approver of this level",
                $"Requisition {id} waits for a {(level <= rules.Count ? rules[level - 1].Name : "further")} approver (level {level}).");
        }
        if (approver == s.RequestedBy || s.Decisions.Any(d => d.DecidedBy == approver))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Approver already involved",
                "Nobody approves their own requisition or two levels of one requisition.");
        }

        var result = await workflows.SignalAsync(id, RequisitionWorkflow.ApprovalSignal,
            new ApprovalSignalPayload(level, decision.Decision, decision.Comment), approver, cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "No decision expected", result.Message!);
        }
        return TypedResults.Accepted($"/v1/requisitions/{id}", RequisitionMapping.ToContract((await workflows.GetAsync(id, cancellationToken))!));
    }

    public static async Task<Results<Accepted<Requisition>, NotFound, ProblemHttpResult>> Withdraw(
        string id, WithdrawRequisitionRequest body, IWorkflowClient workflows, IOptions<ProcureToPayOptions> options, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await RequisitionsApi.Visible(id, workflows, user, cancellationToken) is not { } instance)
        {
            return TypedResults.NotFound();
        }
        var s = instance.StateAs<ProcurementState>();
        var caller = user.GetClientId();
        if (caller != s.RequestedBy && !options.Value.Approval.Levels.Any(l => l.Approvers.Contains(caller ?? "", StringComparer.Ordinal)))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Not the requester or an approver",
                "Only the requester or an approver may withdraw a requisition.");
        }
        if (s.Receipts.Count > 0)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Goods already received",
                $"Requisition {id} has {s.Receipts.Count} goods receipt(s); it can no longer be withdrawn.");
        }
        var result = await workflows.CancelAsync(id, body.Reason, caller, cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Cannot be withdrawn", result.Message!);
        }
        return TypedResults.Accepted($"/v1/requisitions/{id}", RequisitionMapping.ToContract((await workflows.GetAsync(id, cancellationToken))!));
    }

    public static async Task<Results<Accepted<Requisition>, NotFound, ProblemHttpResult>> Receive(
        string id, RecordReceiptRequest body, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, IWorkflowClient workflows, Requisitions requisitions, IErpApi erp, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await RequisitionsApi.Visible(id, workflows, user, cancellationToken) is not { } instance)
        {
            return TypedResults.NotFound();
        }
        var s = instance.StateAs<ProcurementState>();
        if (NotOpen(instance, s, "goods are received") is { } closed)
        {
            return closed;
        }
        if (body.Lines.FirstOrDefault(l => s.Lines.All(o => o.LineNumber != l.LineNumber)) is { } unknown)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Unknown line", $"Purchase order {s.PurchaseOrderNumber} has no line {unknown.LineNumber}.");
        }

        // The caller's key carried on to ERP: a retry books the goods once even if the edge's record of the key is gone.
        var key = $"{id}:receipt:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey ?? Guid.NewGuid().ToString())))}";
        using var response = await erp.CreateGoodsReceiptAsync(new CreateGoodsReceiptRequest(
            s.PurchaseOrderId!, body.Warehouse, body.Lines.Select(l => new GoodsReceiptLineRequest(l.LineNumber, l.Quantity)).ToList()), key, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Receipt refused by ERP",
                $"ERP refused the receipt against purchase order {s.PurchaseOrderNumber}: {response.ProblemText() ?? "no detail."}");
        }
        var receipt = response.Require();
        await requisitions.RecordReceiptAsync(id, new RequisitionReceipt(receipt.Id, receipt.Number, receipt.ReceivedAt,
            receipt.Lines.Select(l => new ReceiptLineRequest(l.PurchaseOrderLineNumber, l.Quantity)).ToList()), user.GetClientId() ?? "unknown", cancellationToken);
        return TypedResults.Accepted($"/v1/requisitions/{id}", RequisitionMapping.ToContract((await workflows.GetAsync(id, cancellationToken))!));
    }

    public static async Task<Results<Accepted<Requisition>, NotFound, ProblemHttpResult>> SubmitInvoice(
        string id, SubmitSupplierInvoiceRequest body, IWorkflowClient workflows, Requisitions requisitions, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await RequisitionsApi.Visible(id, workflows, user, cancellationToken) is not { } instance)
        {
            return TypedResults.NotFound();
        }
        var s = instance.StateAs<ProcurementState>();
        if (NotOpen(instance, s, "an invoice is matched") is { } closed)
        {
            return closed;
        }
        if (body.Tax.Currency != s.Total.Currency)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Other currency", $"The purchase order is in {s.Total.Currency}.");
        }
        if (s.RejectedInvoices.Contains(body.Number, StringComparer.Ordinal))
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Invoice rejected",
                $"Invoice {body.Number} was rejected; the corrected invoice needs a number of its own.");
        }

        var invoice = new StateInvoice(body.Number, body.InvoiceDate, body.DueDate, body.Tax.Amount, [.. body.Lines], user.GetClientId() ?? "unknown", time.GetUtcNow());
        var held = await requisitions.RecordInvoiceAsync(id, invoice, invoice.SubmittedBy, cancellationToken);
        if (held is null || held.Number != invoice.Number || held.Net != invoice.Net || held.Tax != invoice.Tax)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Invoice already submitted",
                held is null ? $"Requisition {id} does not take an invoice now." : $"Requisition {id} is matching invoice {held.Number}; reject it first to send a corrected one.");
        }
        return TypedResults.Accepted($"/v1/requisitions/{id}", RequisitionMapping.ToContract((await workflows.GetAsync(id, cancellationToken))!));
    }

    /// <summary>Why goods or an invoice cannot be taken now: no purchase order yet, or the requisition ended, is being withdrawn or undone.</summary>
    private static ProblemHttpResult? NotOpen(WorkflowInstanceView instance, ProcurementState s, string what) =>
        s.PurchaseOrderId is null || instance.CancelRequested || instance.Status.IsTerminal()
            || instance.Status is WorkflowStatus.Compensating or WorkflowStatus.CompensationFailed
            ? ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "No open purchase order",
                $"Requisition {instance.Id} is {RequisitionStatus.Of(instance.Status, instance.Cause, s)}{(instance.CancelRequested ? " and being withdrawn" : "")}; {what} against an open purchase order.")
            : null;
}
