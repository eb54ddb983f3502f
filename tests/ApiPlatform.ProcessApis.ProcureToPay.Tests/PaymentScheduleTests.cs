using ApiPlatform.Contracts;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Apis;
using ApiPlatform.ProcessApis.ProcureToPay.Tests.Infrastructure;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>The payment step on the service's runner and a fake clock: an invoice due later is paid on its due date, once.</summary>
public sealed class PaymentScheduleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_invoice_due_in_thirty_days_schedules_the_payment_which_is_made_once_when_the_due_date_comes()
    {
        await using var host = await ProcureToPayHost.StartAsync(new FakeTimeProvider(Monday));
        var buyer = ProcureToPayHost.Caller("integration-app");
        var created = await host.InScopeAsync(s => RequisitionsApi.Create(
            new CreateRequisition("Seal kits", "sup-acme-001", new Money(500m, "EUR"), "acme", "general", [new RequisitionLineRequest("SEAL-KIT", "Seal kit", 10m, 50m)]),
            s.GetRequiredService<Requisitions>(), s.GetRequiredService<IWorkflowClient>(), buyer, default));
        var id = Assert.IsType<Created<Requisition>>(created.Result).Value!.Id;
        await host.WaitAsync(id, v => v is { Status: WorkflowStatus.Waiting, CurrentStep: RequisitionSteps.Match }, "waiting for the invoice");

        await host.InScopeAsync(s => s.GetRequiredService<Requisitions>().RecordReceiptAsync(
            id, new RequisitionReceipt("gr-1", "GR-1", Monday, [new ReceiptLineRequest(1, 10m)]), "erp", default));
        var due = new DateOnly(2027, 1, 6);
        var invoiced = await host.InScopeAsync(s => RequisitionActionsApi.SubmitInvoice(
            id, new SubmitSupplierInvoiceRequest("SUP-4711", new DateOnly(2026, 12, 7), due, new Money(95m, "EUR"), [new InvoiceLineRequest(1, 10m, 50m)]),
            s.GetRequiredService<IWorkflowClient>(), s.GetRequiredService<Requisitions>(), buyer, host.Clock, default));
        Assert.IsType<Accepted<Requisition>>(invoiced.Result);
        var scheduled = await host.WaitAsync(id, v => v is { Status: WorkflowStatus.Waiting, CurrentStep: RequisitionSteps.Payment }, "payment scheduled");

        var dueAt = new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal((RequisitionWorkflow.PaymentDueSignal, dueAt), (scheduled.WaitingFor, scheduled.WaitDeadline));
        Assert.Equal(RequisitionState.PaymentScheduled.ToString(), (await GetAsync(host, id)).Status);
        Assert.Single(host.Systems.Requests("POST", "/v1/supplier-invoices"));
        Assert.Empty(host.Systems.Requests("POST", "/v1/supplier-payments"));

        // A day before the due date nothing is paid however often the runner looks.
        host.Clock.SetUtcNow(dueAt.AddDays(-1));
        for (var i = 0; i < 20; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }
        Assert.Equal(WorkflowStatus.Waiting, (await host.GetAsync(id)).Status);
        Assert.Empty(host.Systems.Requests("POST", "/v1/supplier-payments"));

        host.Clock.SetUtcNow(dueAt.AddMinutes(1));
        var paid = await host.WaitAsync(id, v => v.Status == WorkflowStatus.Completed, "paid");
        for (var i = 0; i < 20; i++)
        {
            host.Clock.Advance(TimeSpan.FromDays(1));
            await Task.Delay(10);
        }

        var payment = Assert.Single(host.Systems.Requests("POST", "/v1/supplier-payments"));
        Assert.Equal(($"P2P-{id}", 595m), (payment.GetProperty("reference").GetString(), payment.GetProperty("amount").GetProperty("amount").GetDecimal()));
        Assert.Single(paid.History, h => h.Kind == "TimerFired");
        var requisition = await GetAsync(host, id);
        Assert.Equal(RequisitionState.Paid.ToString(), requisition.Status);
        Assert.StartsWith("spay-", requisition.Documents?.SupplierPaymentId, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Succeeded, paid.Steps.Single(s => s.Name == RequisitionSteps.Payment).Status);
    }

    private static async Task<Requisition> GetAsync(ProcureToPayHost host, string id)
    {
        var result = await host.InScopeAsync(s => RequisitionsApi.Get(id, s.GetRequiredService<IWorkflowClient>(), ProcureToPayHost.Caller("integration-app"), default));
        return Assert.IsType<Ok<Requisition>>(result.Result).Value!;
    }
}
