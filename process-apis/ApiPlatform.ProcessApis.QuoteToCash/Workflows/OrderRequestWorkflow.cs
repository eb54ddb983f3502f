using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using Refit;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>
/// Runs an order request's remaining steps. Each step is saved as running before its side effect and with its
/// outcome after it, and calls its system API with a deterministic idempotency key (request id + step), so running
/// a failed request again resumes it without duplicating a credit decision or a sales order.
/// </summary>
public sealed class OrderRequestWorkflow(
    QuoteToCashDbContext db, IFinanceApi finance, IErpApi erp, TimeProvider time, ILogger<OrderRequestWorkflow> logger)
{
    public async Task RunAsync(OrderRequestEntity request, Quote quote, CancellationToken cancellationToken)
    {
        request.Status = OrderRequestState.Running;
        request.Reason = null;
        var steps = new (string Name, Func<Task<StepOutcome>> Run)[]
        {
            (OrderSteps.CreditCheck, () => CheckCredit(request, quote, cancellationToken)),
            (OrderSteps.SalesOrder, () => CreateSalesOrder(request, quote, cancellationToken)),
        };

        foreach (var (name, run) in steps)
        {
            var step = request.Steps.Single(s => s.Name == name);
            if (step.Status == StepState.Succeeded)
            {
                continue;
            }

            var outcome = await RunStep(request, step, run, cancellationToken);
            if (outcome.State != StepState.Succeeded)
            {
                request.Status = outcome.State == StepState.Rejected ? OrderRequestState.Rejected : OrderRequestState.Failed;
                request.Reason = outcome.Detail;
                await Save(request, cancellationToken);
                return;
            }
        }

        request.Status = OrderRequestState.Completed;
        await Save(request, cancellationToken);
    }

    private async Task<StepOutcome> RunStep(OrderRequestEntity request, OrderRequestStepEntity step, Func<Task<StepOutcome>> run, CancellationToken cancellationToken)
    {
        step.Status = StepState.Running;
        step.Attempts++;
        step.StartedAt = time.GetUtcNow();
        await Save(request, cancellationToken);

        StepOutcome outcome;
        try
        {
            outcome = await run();
        }
        catch (Exception ex) when (ex is ApiExceptionBase or HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            logger.LogWarning(ex, "Step {Step} of order request {OrderRequest} failed", step.Name, request.Id);
            outcome = new StepOutcome(StepState.Failed, $"{step.Name} failed: {Describe(ex)}");
        }

        step.Status = outcome.State;
        step.Detail = outcome.Detail;
        step.CompletedAt = time.GetUtcNow();
        await Save(request, cancellationToken);
        return outcome;
    }

    private async Task<StepOutcome> CheckCredit(OrderRequestEntity request, Quote quote, CancellationToken cancellationToken)
    {
        var assessment = await finance.AssessCreditAsync(
            new CreditAssessmentRequest(quote.AccountId, quote.Total), $"{request.Id}:{OrderSteps.CreditCheck}", cancellationToken);
        return assessment.Decision == CreditDecision.Approved
            ? StepOutcome.Succeeded($"Credit approved ({assessment.Id}); {assessment.AvailableCredit.Amount:0.00} {assessment.AvailableCredit.Currency} was available.")
            : StepOutcome.Rejected(assessment.Reason ?? "Credit declined.");
    }

    private async Task<StepOutcome> CreateSalesOrder(OrderRequestEntity request, Quote quote, CancellationToken cancellationToken)
    {
        var lines = quote.Lines.Select(l => new SalesOrderLineRequest(l.Sku, l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent)).ToList();
        var order = await erp.CreateSalesOrderAsync(
            new CreateSalesOrderRequest(quote.Tenant, quote.AccountId, quote.Id, quote.Total.Currency, lines),
            $"{request.Id}:{OrderSteps.SalesOrder}", cancellationToken);
        request.SalesOrderId = order.Id;
        return StepOutcome.Succeeded($"Sales order {order.Number} created.");
    }

    private async Task Save(OrderRequestEntity request, CancellationToken cancellationToken)
    {
        request.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Describe(Exception ex) => ex switch
    {
        ApiException api => $"{api.Uri?.Host} answered {(int)api.StatusCode}",
        ApiRequestException request => $"{request.Uri?.Host} could not be reached ({request.InnerException?.Message})",
        _ => ex.Message,
    };
}
