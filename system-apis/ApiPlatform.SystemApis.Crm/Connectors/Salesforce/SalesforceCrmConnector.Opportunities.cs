using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

internal sealed partial class SalesforceCrmConnector
{
    private const string OpportunityFields = "Id, AccountId, Name, StageName, Amount, CurrencyIsoCode, CloseDate, Probability";

    public Task<Page<Opportunity>> ListOpportunitiesAsync(
        string? tenant, string? accountId, OpportunityStage? stage, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (accountId is not null && !Soql.IsId(accountId))
        {
            return Task.FromResult(new Page<Opportunity>([], 0, page.Skip, page.Take));
        }

        var soql = $"SELECT {OpportunityFields} FROM Opportunity" + Soql.Where(
            accountId is null ? null : $"AccountId = {Soql.Literal(accountId)}",
            stage is null ? null : $"StageName = {Soql.Literal(SalesforceStages.FromCanonical(stage.Value))}") + " ORDER BY CloseDate, Id";
        return PageAsync<SalesforceOpportunity, Opportunity>(soql, page, o => SalesforceMapping.ToOpportunity(o, owner), cancellationToken);
    }

    public Task<Opportunity?> GetOpportunityAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return Soql.IsId(id)
            ? SingleAsync<SalesforceOpportunity, Opportunity>(
                $"SELECT {OpportunityFields} FROM Opportunity WHERE Id = {Soql.Literal(id)}", o => SalesforceMapping.ToOpportunity(o, owner), cancellationToken)
            : Task.FromResult<Opportunity?>(null);
    }

    public async Task<Written<Opportunity>> CreateOpportunityAsync(CreateOpportunityRequest request, string creationKey, CancellationToken cancellationToken)
    {
        var result = await UpsertAsync("Opportunity", creationKey, new Dictionary<string, object?>
        {
            ["AccountId"] = request.AccountId,
            ["Name"] = request.Name,
            ["StageName"] = SalesforceStages.FromCanonical(request.Stage),
            ["Amount"] = request.Amount.Amount,
            ["CurrencyIsoCode"] = request.Amount.Currency,
            ["CloseDate"] = request.CloseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);
        var opportunity = await SingleAsync<SalesforceOpportunity, Opportunity>(
            $"SELECT {OpportunityFields} FROM Opportunity WHERE {KeyField} = {Soql.Literal(creationKey)}",
            o => SalesforceMapping.ToOpportunity(o, request.Tenant), cancellationToken);
        return new Written<Opportunity>(opportunity ?? throw UpstreamProblems.BadAnswer(SystemName, "no opportunity after its upsert"), result?.Created ?? false);
    }
}
