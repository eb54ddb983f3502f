using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.Workflows;
using static ApiPlatform.ProcessApis.ProcureToPay.Tests.Steps;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>
/// What the match step makes of the receipts, the invoice and the exception's resolutions as they arrive (the
/// requisitions service records them into the state; the runtime runs the step again on each).
/// </summary>
public sealed class MatchStepTests
{
    private static ProcurementState Ordered()
    {
        var state = State(2_000m, "general", new StateLine(1, "PUMP-H2", "Hydraulic pump", 10m, 150m), new StateLine(2, "SEAL-KIT", "Seal kit", 10m, 50m));
        state.PurchaseOrderId = "po-1";
        return state;
    }

    private static void Receive(ProcurementState state, string id, params (int Line, decimal Quantity)[] lines) =>
        state.Receipts.Add(new RequisitionReceipt(id, id, Monday, lines.Select(l => new ReceiptLineRequest(l.Line, l.Quantity)).ToList()));

    private static StateInvoice Invoice(string number, params (int Line, decimal Quantity, decimal Price)[] lines) =>
        new(number, new DateOnly(2026, 12, 7), new DateOnly(2027, 1, 6), 0m, lines.Select(l => new InvoiceLineRequest(l.Line, l.Quantity, l.Price)).ToList(), "ap", Monday);

    [Fact]
    public async Task Without_an_invoice_it_waits_however_many_receipts_came()
    {
        var state = Ordered();
        Receive(state, "gr-1", (1, 10m));

        var result = await RunAsync(RequisitionSteps.Match, state, null, Monday);

        Assert.Equal((StepOutcome.Waiting, RequisitionWorkflow.MatchSignal, (DateTimeOffset?)null), (result.Outcome, result.WaitFor, result.Deadline));
        Assert.Null(state.Exception);
    }

    [Fact]
    public async Task An_invoice_for_what_was_received_matches()
    {
        var state = Ordered();
        Receive(state, "gr-1", (1, 10m), (2, 4m));
        state.Invoice = Invoice("INV-1", (1, 10m, 150m), (2, 4m, 50m));

        var result = await RunAsync(RequisitionSteps.Match, state, Input(Monday), Monday);

        Assert.Equal(StepOutcome.Done, result.Outcome);
        Assert.Null(state.Exception);
    }

    [Fact]
    public async Task A_mismatch_opens_one_exception_and_a_further_receipt_that_makes_it_match_resolves_it()
    {
        var state = Ordered();
        Receive(state, "gr-1", (1, 6m));
        state.Invoice = Invoice("INV-1", (1, 10m, 150m));

        var first = await RunAsync(RequisitionSteps.Match, state, Input(Monday), Monday);
        var id = state.Exception!.Id;
        var again = await RunAsync(RequisitionSteps.Match, state, Input(Monday.AddHours(1)), Monday.AddHours(1));
        Receive(state, "gr-2", (1, 4m));
        var matched = await RunAsync(RequisitionSteps.Match, state, Input(Monday.AddDays(1)), Monday.AddDays(1));

        Assert.Equal((StepOutcome.Waiting, StepOutcome.Waiting, StepOutcome.Done), (first.Outcome, again.Outcome, matched.Outcome));
        Assert.Equal(id, state.Exception!.Id);
        Assert.Equal((ExceptionStatus.Resolved, Monday.AddDays(1)), (state.Exception.Status, state.Exception.ResolvedAt));
    }

    [Fact]
    public async Task Resolved_to_wait_for_a_receipt_it_stays_so_until_goods_arrive_then_reopens_if_they_still_do_not_match()
    {
        var state = Ordered();
        Receive(state, "gr-1", (1, 5m));
        state.Invoice = Invoice("INV-1", (1, 10m, 150m));
        await RunAsync(RequisitionSteps.Match, state, Input(Monday), Monday);
        state.Exception!.Status = ExceptionStatus.WaitingForReceipt;
        state.Exception.ReceiptsAtResolution = state.Receipts.Count;

        await RunAsync(RequisitionSteps.Match, state, Input(Monday.AddHours(1)), Monday.AddHours(1));
        var kept = state.Exception.Status;
        Receive(state, "gr-2", (1, 2m));
        await RunAsync(RequisitionSteps.Match, state, Input(Monday.AddHours(2)), Monday.AddHours(2));

        Assert.Equal(ExceptionStatus.WaitingForReceipt, kept);
        Assert.Equal(ExceptionStatus.Open, state.Exception.Status);
        Assert.Equal(7m, state.Exception.Lines.Single().Received);
    }

    [Fact]
    public async Task An_accepted_invoice_passes_as_it_is_and_a_corrected_one_after_a_rejection_is_matched_afresh()
    {
        var accepted = Ordered();
        Receive(accepted, "gr-1", (1, 10m));
        accepted.Invoice = Invoice("INV-1", (1, 10m, 155m));
        await RunAsync(RequisitionSteps.Match, accepted, Input(Monday), Monday);
        accepted.Exception!.Status = ExceptionStatus.Accepted;
        accepted.Exception.Resolutions.Add(new ExceptionResolution("accept", "finance-app", Monday, "Agreed surcharge"));

        var passed = await RunAsync(RequisitionSteps.Match, accepted, Input(Monday), Monday);

        Assert.Equal(StepOutcome.Done, passed.Outcome);
        Assert.Contains("accepted by finance-app despite price, total", passed.Detail, StringComparison.Ordinal);

        var corrected = Ordered();
        Receive(corrected, "gr-1", (1, 10m));
        corrected.Invoice = Invoice("INV-1", (1, 10m, 155m));
        await RunAsync(RequisitionSteps.Match, corrected, Input(Monday), Monday);
        corrected.Exception!.Status = ExceptionStatus.AwaitingCorrectedInvoice;
        corrected.Invoice = null;
        var waiting = await RunAsync(RequisitionSteps.Match, corrected, Input(Monday), Monday);
        corrected.Invoice = Invoice("INV-1C", (1, 10m, 150m));
        var done = await RunAsync(RequisitionSteps.Match, corrected, Input(Monday.AddDays(1)), Monday.AddDays(1));

        Assert.Contains("corrected invoice", waiting.Detail, StringComparison.Ordinal);
        Assert.Equal(StepOutcome.Done, done.Outcome);
        Assert.Equal((ExceptionStatus.Resolved, "INV-1C"), (corrected.Exception.Status, corrected.Exception.InvoiceNumber));
    }
}
