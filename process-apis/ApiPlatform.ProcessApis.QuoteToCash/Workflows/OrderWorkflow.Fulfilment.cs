using System.Net;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.Workflows;
using Refit;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

public sealed partial class OrderWorkflow
{
    private async Task<StepResult> CalculateTaxAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        foreach (var line in s.Lines)
        {
            using var product = await erp.GetProductAsync(line.Sku, cancellationToken);
            if (product.OrNotFound() is not { } p)
            {
                return StepResult.Refused($"Product {line.Sku} of quote {s.QuoteNumber} does not exist in ERP.");
            }
            line.TaxCode = p.TaxCode;
            line.Stocked = p.Stocked;
        }

        var lines = s.Lines.Select(l => new TaxCalculationLine(l.LineNumber, l.TaxCode, l.NetAmount)).ToList();
        using var response = await finance.CalculateTaxAsync(new TaxCalculationRequest(s.ShipTo!, s.Total!.Currency, lines), cancellationToken);
        var tax = response.Require();
        s.Jurisdiction = tax.Jurisdiction;
        s.Tax = tax.TotalTax;
        return StepResult.Done($"Tax {tax.TotalTax.Amount:0.00} {tax.TotalTax.Currency} for jurisdiction {tax.Jurisdiction}.");
    }

    private async Task<StepResult> ReserveAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        if (!Rules.Uses(s.Tenant, OrderSteps.ReserveInventory))
        {
            return StepResult.Skipped("This tenant does not reserve stock for orders.");
        }
        var stocked = s.Lines.Where(l => l.Stocked).ToList();
        if (stocked.Count == 0)
        {
            return StepResult.Skipped("Nothing to reserve: no stocked products.");
        }

        var made = new List<string>();
        foreach (var line in stocked)
        {
            var request = new CreateReservationRequest(s.Tenant, line.Sku, null, line.Quantity, null, Rules.ReservationHoldMinutes);
            using var response = await erp.ReserveAsync(request, $"{c.IdempotencyKey}:{line.LineNumber}", cancellationToken);
            if (response.Error is ApiException error && StepFailures.IsRefusal(error))
            {
                // A line that cannot be reserved refuses the step: the lines reserved before it are given back now,
                // since only completed steps are compensated.
                await ReleaseAllAsync(made, cancellationToken);
                throw error;
            }
            made.Add(response.Require().Id);
        }
        s.ReservationIds = made;
        return StepResult.Done($"Reserved {stocked.Count} line(s): {string.Join(", ", stocked.Select(l => $"{l.Quantity:0.##} × {l.Sku}"))}.");
    }

    private Task ReleaseAsync(StepContext<OrderState> c, CancellationToken cancellationToken) => ReleaseAllAsync(c.State.ReservationIds, cancellationToken);

    private async Task ReleaseAllAsync(IEnumerable<string> reservations, CancellationToken cancellationToken)
    {
        foreach (var id in reservations)
        {
            using var released = await erp.ReleaseReservationAsync(id, cancellationToken);
            // 409: no longer active (released, expired or consumed by a sale): nothing is held any more.
            if (!released.IsSuccessful && !released.Is(HttpStatusCode.Conflict) && !released.Is(HttpStatusCode.NotFound))
            {
                throw released.Error!;
            }
        }
    }

    private async Task<StepResult> CreateSalesOrderAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var lines = s.Lines.Select(l => new SalesOrderLineRequest(l.Sku, l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent)).ToList();
        using var response = await erp.CreateSalesOrderAsync(
            new CreateSalesOrderRequest(s.Tenant, s.AccountId!, s.QuoteId, s.Total!.Currency, lines, s.ReservationIds), c.IdempotencyKey, cancellationToken);
        var order = response.Require();
        s.SalesOrderId = order.Id;
        s.SalesOrderNumber = order.Number;
        return StepResult.Done($"Sales order {order.Number} created.");
    }

    private async Task CancelSalesOrderAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        using var cancelled = await erp.CancelSalesOrderAsync(s.SalesOrderId!, new CancelSalesOrderRequest($"Order request {c.InstanceId} was undone."), cancellationToken);
        if (cancelled.IsSuccessful || cancelled.Is(HttpStatusCode.NotFound))
        {
            return;
        }
        if (cancelled.Is(HttpStatusCode.Conflict))
        {
            using var status = await erp.GetSalesOrderStatusAsync(s.SalesOrderId!, cancellationToken);
            if (status.Require().Status == SalesOrderStatus.Cancelled)
            {
                return;
            }
            throw new InvalidOperationException($"Sales order {s.SalesOrderNumber} is {status.Content!.Status} and cannot be cancelled.");
        }
        throw cancelled.Error!;
    }
}
