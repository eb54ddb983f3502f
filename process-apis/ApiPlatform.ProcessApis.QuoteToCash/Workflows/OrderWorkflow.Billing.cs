using System.Net;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.Workflows;
using Refit;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

public sealed partial class OrderWorkflow
{
    private async Task<StepResult> RecordContractAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        if (!Rules.Uses(s.Tenant, OrderSteps.CrmContract))
        {
            return StepResult.Skipped("This tenant does not record contracts in CRM.");
        }
        using var accepted = await crm.AcceptQuoteAsync(s.QuoteId, s.Tenant, cancellationToken);
        var quote = accepted.Require();
        return StepResult.Done($"Quote {quote.Number} accepted in CRM{(quote.OpportunityId is { } opportunity ? $"; opportunity {opportunity} closed-won" : "")}.");
    }

    private async Task ReopenContractAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        using var reopened = await crm.ReopenQuoteAsync(c.State.QuoteId, c.State.Tenant, cancellationToken);
        if (!reopened.IsSuccessful && !reopened.Is(HttpStatusCode.NotFound))
        {
            throw reopened.Error!;
        }
    }

    private async Task<StepResult> IssueInvoiceAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var lines = s.Lines.Select(l => new InvoiceLineRequest(l.Sku, l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent, l.TaxCode)).ToList();
        var request = new IssueInvoiceRequest(s.Tenant, s.AccountId!, s.SalesOrderId, s.Total!.Currency, s.ShipTo!, Rules.PaymentTermsDays, lines);
        using var issued = await finance.IssueInvoiceAsync(request, c.IdempotencyKey, cancellationToken);
        var invoice = issued.Require();
        s.InvoiceId = invoice.Id;
        s.InvoiceNumber = invoice.Number;
        s.InvoiceTotal = invoice.Total;
        // The invoice now counts against the credit line: the credit check's commitment for the same amount ends.
        await ReleaseCreditAsync(c, cancellationToken);
        return StepResult.Done($"Invoice {invoice.Number} issued: {invoice.Total.Amount:0.00} {invoice.Total.Currency} incl. {invoice.Tax.Amount:0.00} tax, due {invoice.DueAt:yyyy-MM-dd}.");
    }

    private async Task VoidInvoiceAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        using var voided = await finance.VoidInvoiceAsync(s.InvoiceId!, new VoidInvoiceRequest($"Order request {c.InstanceId} was undone."), cancellationToken);
        if (voided.IsSuccessful || voided.Is(HttpStatusCode.NotFound))
        {
            return;
        }
        if (voided.Is(HttpStatusCode.Conflict))
        {
            using var invoice = await finance.GetInvoiceAsync(s.InvoiceId!, cancellationToken);
            if (invoice.Require().Status == InvoiceStatus.Void)
            {
                return;
            }
            throw new InvalidOperationException($"Invoice {s.InvoiceNumber} is {invoice.Content!.Status} and cannot be voided.");
        }
        throw voided.Error!;
    }

    private async Task<StepResult> NotifyBillingAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        if (!Rules.Uses(s.Tenant, OrderSteps.Billing))
        {
            return StepResult.Skipped("This tenant does not use subscription billing.");
        }
        var subscriptions = s.Lines.Where(l => Rules.SubscriptionPrices.ContainsKey(l.Sku)).ToList();
        if (subscriptions.Count == 0)
        {
            return StepResult.Skipped("No subscription lines to bill.");
        }

        using var contacts = await crm.ListContactsAsync(s.Tenant, s.AccountId, 0, 20, cancellationToken);
        if (contacts.Require().Items.FirstOrDefault(x => !string.IsNullOrEmpty(x.Email)) is not Contact contact)
        {
            return StepResult.Refused($"The account of quote {s.QuoteNumber} has no contact with an e-mail address to send subscription bills to.");
        }

        using var customer = await finance.CreateBillingCustomerAsync(
            new CreateBillingCustomerRequest(s.Tenant, s.AccountId!, s.CustomerName ?? s.AccountId!, contact.Email!),
            // One billing customer per account and contact, however many orders it places.
            $"billing-customer:{s.Tenant}:{s.AccountId}:{contact.Email}", cancellationToken);
        s.BillingCustomerId = customer.Require().Id;
        var made = new List<string>();
        foreach (var line in subscriptions)
        {
            using var subscription = await finance.CreateSubscriptionAsync(
                new CreateSubscriptionRequest(s.Tenant, s.BillingCustomerId, Rules.SubscriptionPrices[line.Sku], line.Quantity),
                $"{c.IdempotencyKey}:{line.LineNumber}", cancellationToken);
            if (subscription.Error is ApiException error && StepFailures.IsRefusal(error))
            {
                // Only completed steps are compensated: the subscriptions this step started are cancelled now.
                await CancelAllAsync(made, s.Tenant, cancellationToken);
                throw error;
            }
            made.Add(subscription.Require().Id);
        }
        s.SubscriptionIds = made;
        return StepResult.Done($"Billing customer {s.BillingCustomerId}; {made.Count} subscription(s) started.");
    }

    private Task CancelSubscriptionsAsync(StepContext<OrderState> c, CancellationToken cancellationToken) =>
        CancelAllAsync(c.State.SubscriptionIds, c.State.Tenant, cancellationToken);

    private async Task CancelAllAsync(IEnumerable<string> subscriptions, string tenant, CancellationToken cancellationToken)
    {
        foreach (var id in subscriptions)
        {
            using var cancelled = await finance.CancelSubscriptionAsync(id, tenant, cancellationToken);
            if (!cancelled.IsSuccessful && !cancelled.Is(HttpStatusCode.NotFound))
            {
                throw cancelled.Error!;
            }
        }
    }
}
