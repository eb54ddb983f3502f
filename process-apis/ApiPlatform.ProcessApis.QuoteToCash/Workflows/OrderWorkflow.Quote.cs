using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

public sealed partial class OrderWorkflow
{
    private async Task<StepResult> LoadQuoteAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        using var response = await crm.GetQuoteAsync(s.QuoteId, cancellationToken);
        if (response.OrNotFound() is not { } quote || quote.Tenant != s.Tenant)
        {
            return StepResult.Refused($"Quote {s.QuoteId} does not exist.");
        }

        if (quote.Status != QuoteStatus.Approved)
        {
            return StepResult.Refused($"Quote {quote.Number} is {quote.Status}; only an approved quote can be ordered.");
        }
        if (quote.ValidUntil < c.Now)
        {
            return StepResult.Refused($"Quote {quote.Number} expired on {quote.ValidUntil:yyyy-MM-dd}.");
        }

        s.QuoteNumber = quote.Number;
        s.AccountId = quote.AccountId;
        s.Total = quote.Total;
        s.Lines = quote.Lines.Select(l => new OrderLine(l.LineNumber, l.Sku, l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent, l.NetAmount)).ToList();
        return StepResult.Done($"Quote {quote.Number}: {quote.Lines.Count} lines, {quote.Total.Amount:0.00} {quote.Total.Currency}.");
    }

    private async Task<StepResult> EnsureCustomerAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        using var existing = await erp.ListCustomersAsync(s.Tenant, s.AccountId, 0, 1, cancellationToken);
        var customer = existing.Require().Items.FirstOrDefault(x => x.CrmAccountId == s.AccountId);
        var created = false;
        if (customer is null)
        {
            using var account = await crm.GetAccountAsync(s.AccountId!, s.Tenant, cancellationToken);
            if (account.OrNotFound() is not { } a)
            {
                return StepResult.Refused($"Account {s.AccountId} of quote {s.QuoteNumber} does not exist in CRM.");
            }
            var name = a.Name.Length > 80 ? a.Name[..80] : a.Name;
            using var upserted = await erp.UpsertCustomerAsync(
                new Contracts.Erp.UpsertCustomerRequest(s.Tenant, a.Id, name, a.Country, a.Currency, s.RequestedShipTo), cancellationToken);
            customer = upserted.Require();
            created = true;
        }

        if (customer.Blocked)
        {
            return StepResult.Refused($"Customer {customer.Number} is blocked in ERP.");
        }
        s.ErpCustomerId = customer.Id;
        s.CustomerName = customer.Name;
        s.ShipTo = s.RequestedShipTo ?? customer.BillingAddress;
        if (s.ShipTo is null)
        {
            return StepResult.Refused($"Customer {customer.Number} has no address to ship to; order again with a ship-to address.");
        }
        return StepResult.Done($"ERP customer {customer.Number} ({(created ? "created" : "found")}); ships to {s.ShipTo.City}, {s.ShipTo.Country}.");
    }
}
