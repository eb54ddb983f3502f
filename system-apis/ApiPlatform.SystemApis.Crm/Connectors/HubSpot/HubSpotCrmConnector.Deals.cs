using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

internal sealed partial class HubSpotCrmConnector
{
    // HUBSPOT_DEFINED association type 5: deal to company.
    private const int DealToCompany = 5;
    private static readonly string[] DealProperties = ["dealname", "dealstage", "amount", "deal_currency_code", "closedate", "hs_deal_stage_probability"];

    public Task<Page<Opportunity>> ListOpportunitiesAsync(
        string? tenant, string? accountId, OpportunityStage? stage, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        var filters = new List<HubSpotFilter>();
        if (accountId is not null)
        {
            filters.Add(new HubSpotFilter("associations.company", "EQ", accountId));
        }
        if (stage is not null)
        {
            filters.Add(new HubSpotFilter("dealstage", "EQ", HubSpotStages.FromCanonical(stage.Value)));
        }
        return SearchPageAsync("deals", filters, DealProperties, new HubSpotSort("closedate", "ASCENDING"), page,
            o => HubSpotMapping.ToOpportunity(o, owner, options.Value.CompanyCurrency, accountId), cancellationToken);
    }

    public async Task<Opportunity?> GetOpportunityAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return await GetObjectAsync("deals", id, DealProperties, ["companies"], cancellationToken) is { } deal
            ? await Call(() => Task.FromResult(HubSpotMapping.ToOpportunity(deal, owner, options.Value.CompanyCurrency, null)))
            : null;
    }

    public async Task<Written<Opportunity>> CreateOpportunityAsync(CreateOpportunityRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var write = new HubSpotWrite(
            new Dictionary<string, string?>
            {
                ["dealname"] = request.Name,
                ["dealstage"] = HubSpotStages.FromCanonical(request.Stage),
                ["pipeline"] = "default",
                ["amount"] = request.Amount.Amount.ToString(CultureInfo.InvariantCulture),
                ["deal_currency_code"] = request.Amount.Currency,
                ["closedate"] = request.CloseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            [new HubSpotAssociationWrite(new HubSpotTarget(request.AccountId), [new HubSpotAssociationType("HUBSPOT_DEFINED", DealToCompany)])]);
        var (deal, created) = await CreateOnceAsync("deals", creationKey, write, DealProperties, cancellationToken);
        return new Written<Opportunity>(
            await Call(() => Task.FromResult(HubSpotMapping.ToOpportunity(deal, request.Tenant, options.Value.CompanyCurrency, request.AccountId))), created);
    }
}
