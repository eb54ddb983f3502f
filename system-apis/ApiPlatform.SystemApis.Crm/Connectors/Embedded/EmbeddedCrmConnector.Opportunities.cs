using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Connectors.Embedded;

internal sealed partial class EmbeddedCrmConnector
{
    public async Task<Page<Opportunity>> ListOpportunitiesAsync(
        string? tenant, string? accountId, OpportunityStage? stage, PageRequest page, CancellationToken cancellationToken)
    {
        var query = OfTenant(db.Opportunities.AsNoTracking(), tenant);
        if (accountId is not null)
        {
            query = query.Where(o => o.AccountId == accountId);
        }
        if (stage is not null)
        {
            query = query.Where(o => o.Stage == stage);
        }
        return await query.OrderBy(o => o.CloseDate).ThenBy(o => o.Id).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Opportunity?> GetOpportunityAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await OfTenant(db.Opportunities.AsNoTracking(), tenant).FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } opportunity
            ? EmbeddedMapping.ToContract(opportunity)
            : null;

    public Task<Written<Opportunity>> CreateOpportunityAsync(CreateOpportunityRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var opportunity = new OpportunityEntity
        {
            Id = $"opp-{Guid.NewGuid():N}",
            Tenant = request.Tenant,
            AccountId = request.AccountId,
            Name = request.Name,
            Stage = request.Stage,
            Amount = request.Amount.Amount,
            Currency = request.Amount.Currency,
            CloseDate = request.CloseDate,
            CreationKey = creationKey,
        };
        return AddOnceAsync(db.Opportunities, opportunity, o => o.Tenant == request.Tenant && o.CreationKey == creationKey,
            EmbeddedMapping.ToContract, cancellationToken);
    }
}
