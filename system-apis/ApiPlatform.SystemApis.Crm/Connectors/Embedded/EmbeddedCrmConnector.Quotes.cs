using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Quotes;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Connectors.Embedded;

internal sealed partial class EmbeddedCrmConnector
{
    public async Task<Page<Quote>> ListQuotesAsync(string? tenant, string? accountId, QuoteStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = OfTenant(db.Quotes.AsNoTracking().Include(q => q.Lines), tenant);
        if (accountId is not null)
        {
            query = query.Where(q => q.AccountId == accountId);
        }
        if (status is not null)
        {
            query = query.Where(q => q.Status == status);
        }
        return await query.OrderBy(q => q.Number).ToPageAsync(page, QuotePricing.ToContract, cancellationToken);
    }

    public async Task<Quote?> GetQuoteAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await OfTenant(db.Quotes.AsNoTracking().Include(q => q.Lines), tenant).FirstOrDefaultAsync(q => q.Id == id, cancellationToken) is { } quote
            ? QuotePricing.ToContract(quote)
            : null;

    public Task<Written<Quote>> CreateQuoteAsync(CreateQuoteRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var quote = new QuoteEntity
        {
            Id = $"q-{id}",
            Tenant = request.Tenant,
            Number = $"Q-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}",
            AccountId = request.AccountId,
            OpportunityId = request.OpportunityId,
            Status = QuoteStatus.Draft,
            Currency = request.Currency,
            TaxRate = request.TaxRate,
            CreatedAt = now,
            ValidUntil = request.ValidUntil ?? now.AddDays(30),
            CreationKey = creationKey,
            OrderOnApproval = request.OrderOnApproval,
            Lines = request.Lines.Select((l, i) => new QuoteLineEntity
            {
                LineNumber = i + 1, Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount,
                DiscountPercent = l.DiscountPercent,
            }).ToList(),
        };
        return AddOnceAsync(db.Quotes.Include(q => q.Lines), quote, q => q.Tenant == request.Tenant && q.CreationKey == creationKey,
            QuotePricing.ToContract, cancellationToken);
    }

    public async Task<Quote> SetQuoteStatusAsync(Quote quote, QuoteStatus status, string? reason, CancellationToken cancellationToken)
    {
        var entity = await db.Quotes.Include(q => q.Lines).FirstAsync(q => q.Id == quote.Id, cancellationToken);
        if (entity.Status != quote.Status)
        {
            throw ProblemException.Conflict($"Quote {quote.Number} changed to {entity.Status} meanwhile.");
        }

        await RecordContractAsync(entity, status, cancellationToken);
        entity.Status = status;
        entity.DecisionReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        return QuotePricing.ToContract(entity);
    }

    /// <summary>Accepting a quote wins its opportunity; reopening it puts the opportunity back where it was (saved with the quote).</summary>
    private async Task RecordContractAsync(QuoteEntity quote, QuoteStatus status, CancellationToken cancellationToken)
    {
        var accepting = status == QuoteStatus.Accepted;
        var reopening = quote.Status == QuoteStatus.Accepted && status == QuoteStatus.Approved;
        if (!(accepting || reopening) || quote.OpportunityId is null
            || await db.Opportunities.FirstOrDefaultAsync(o => o.Tenant == quote.Tenant && o.Id == quote.OpportunityId, cancellationToken) is not { } opportunity)
        {
            return;
        }

        if (accepting)
        {
            quote.OpportunityStageBeforeWon = opportunity.Stage;
            opportunity.Stage = OpportunityStage.ClosedWon;
        }
        else
        {
            opportunity.Stage = quote.OpportunityStageBeforeWon ?? OpportunityStage.Negotiation;
            quote.OpportunityStageBeforeWon = null;
        }
    }
}
