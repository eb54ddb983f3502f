using ApiPlatform.Contracts;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Apis;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ProcessApis.ProcureToPay.Tests.Infrastructure;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>The exception work list's filters, on exceptions opened by the service's own match step at different times.</summary>
public sealed class ExceptionListTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Exceptions_are_listed_oldest_first_by_age_reason_status_and_supplier()
    {
        await using var host = await ProcureToPayHost.StartAsync(new FakeTimeProvider(Monday));
        // Billed at 60 instead of the ordered 50 (price) on Monday; 12 billed of 10 received (quantity) on Thursday.
        var overpriced = await MismatchAsync(host, "INV-PRICE", 10m, 60m);
        host.Clock.SetUtcNow(Monday.AddDays(3));
        var overbilled = await MismatchAsync(host, "INV-QTY", 12m, 50m);

        Assert.Equal([overpriced, overbilled], await ListAsync(host));
        Assert.Equal([overpriced], await ListAsync(host, openedBefore: Monday.AddDays(1)));
        Assert.Equal([overpriced, overbilled], await ListAsync(host, openedBefore: Monday.AddDays(4)));
        Assert.Empty(await ListAsync(host, openedBefore: Monday));
        Assert.Equal([overpriced], await ListAsync(host, reason: "price"));
        Assert.Equal([overbilled], await ListAsync(host, reason: "quantity"));
        Assert.Empty(await ListAsync(host, reason: "quantity", openedBefore: Monday.AddDays(1)));
        Assert.Equal([overpriced, overbilled], await ListAsync(host, status: ExceptionStatus.Open, supplierId: "sup-acme-001"));
        Assert.Empty(await ListAsync(host, supplierId: "sup-other"));
        Assert.Empty(await ListAsync(host, tenant: "globex"));
    }

    /// <summary>A requisition of 10 seal kits at 50, received in full and invoiced as given: answers the exception its match opened.</summary>
    private static async Task<string> MismatchAsync(ProcureToPayHost host, string number, decimal quantity, decimal price)
    {
        var buyer = ProcureToPayHost.Caller("integration-app");
        var created = await host.InScopeAsync(s => RequisitionsApi.Create(
            new CreateRequisition("Seal kits", "sup-acme-001", new Money(500m, "EUR"), "acme", "general", [new RequisitionLineRequest("SEAL-KIT", "Seal kit", 10m, 50m)]),
            s.GetRequiredService<Requisitions>(), s.GetRequiredService<IWorkflowClient>(), buyer, default));
        var id = Assert.IsType<Created<Requisition>>(created.Result).Value!.Id;
        await host.WaitAsync(id, v => v is { Status: WorkflowStatus.Waiting, CurrentStep: RequisitionSteps.Match }, "ordered");
        await host.InScopeAsync(s => s.GetRequiredService<Requisitions>().RecordReceiptAsync(
            id, new RequisitionReceipt($"gr-{number}", null, host.Clock.GetUtcNow(), [new ReceiptLineRequest(1, 10m)]), "erp", default));
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        await host.InScopeAsync(s => RequisitionActionsApi.SubmitInvoice(
            id, new SubmitSupplierInvoiceRequest(number, today, today.AddDays(30), new Money(0m, "EUR"), [new InvoiceLineRequest(1, quantity, price)]),
            s.GetRequiredService<IWorkflowClient>(), s.GetRequiredService<Requisitions>(), buyer, host.Clock, default));
        var view = await host.WaitAsync(id, v => v.StateAs<ProcurementState>().Exception is { Status: ExceptionStatus.Open }, "exception opened");
        return view.StateAs<ProcurementState>().Exception!.Id;
    }

    private static async Task<List<string>> ListAsync(
        ProcureToPayHost host, ExceptionStatus? status = null, string? supplierId = null, string? reason = null, DateTimeOffset? openedBefore = null,
        string tenant = "acme")
    {
        var result = await host.InScopeAsync(s => ExceptionsApi.List(new PageRequest(null, null), status, supplierId, reason, openedBefore, tenant,
            s.GetRequiredService<ProcureToPayDbContext>(), ProcureToPayHost.Caller("finance-app"), default));
        var page = Assert.IsType<Ok<Page<ProcurementException>>>(result.Result).Value!;
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(e => e.Id).ToList();
    }
}
