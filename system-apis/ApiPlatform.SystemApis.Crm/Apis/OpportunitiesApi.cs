using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

public static class OpportunitiesApi
{
    public static RouteGroupBuilder MapOpportunitiesApi(this RouteGroupBuilder v1)
    {
        var opportunities = v1.MapGroup("/opportunities").WithTags("Opportunities");
        opportunities.MapGet("/", ListOpportunities).WithName("listOpportunities")
            .WithSummary("List opportunities, optionally of one account or in one stage").ProducesProblem(502);
        opportunities.MapGet("/{id}", GetOpportunity).WithName("getOpportunity").WithSummary("Get one opportunity").ProducesProblem(404).ProducesProblem(502);
        opportunities.MapPost("/", CreateOpportunity).WithValidation<CreateOpportunityRequest>().WithName("createOpportunity")
            .WithSummary("Create an opportunity; a repeat with the same Idempotency-Key answers the same opportunity")
            .ProducesProblem(403).ProducesProblem(422).ProducesProblem(502);
        return opportunities;
    }

    public static async Task<Ok<Page<Opportunity>>> ListOpportunities(
        [AsParameters] PageRequest page, string? accountId, OpportunityStage? stage, [FromQuery] string? tenant, [AsParameters] CrmRequest crm,
        CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return TypedResults.Ok(await connector.ListOpportunitiesAsync(resolved, accountId, stage, page, cancellationToken));
    }

    public static async Task<Results<Ok<Opportunity>, NotFound>> GetOpportunity(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return await connector.GetOpportunityAsync(resolved, id, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Opportunity>, Ok<Opportunity>, ProblemHttpResult>> CreateOpportunity(
        CreateOpportunityRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] CrmRequest crm,
        CancellationToken cancellationToken)
    {
        var (connector, tenant) = crm.For(request.Tenant);
        if (await AccountReference.CheckAsync(connector, tenant, request.AccountId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var written = await connector.CreateOpportunityAsync(request, crm.CreationKeyFor(idempotencyKey), cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/opportunities/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }
}
