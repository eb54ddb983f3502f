using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Credit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class CreditAssessmentsApi
{
    public static RouteGroupBuilder MapCreditAssessmentsApi(this RouteGroupBuilder v1)
    {
        var assessments = v1.MapGroup("/credit-assessments").WithTags("Credit");
        assessments.MapPost("/", AssessCredit)
            .WithValidation<CreditAssessmentRequest>()
            .WithName("assessCredit")
            .WithSummary("Assess an account's credit for an amount; an approved amount counts against the credit line")
            .ProducesProblem(404)
            .ProducesProblem(422);
        assessments.MapGet("/{id}", GetAssessment).WithName("getCreditAssessment").WithSummary("Get one credit assessment").ProducesProblem(404);
        assessments.MapPost("/{id}/release", Release).WithName("releaseCreditAssessment")
            .WithSummary("Stop an approved amount counting against the credit line (its order was undone or invoiced); a repeat answers it unchanged")
            .ProducesProblem(404);
        return assessments;
    }

    public static async Task<Results<Created<CreditAssessment>, Ok<CreditAssessment>, NotFound>> AssessCredit(
        CreditAssessmentRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, CreditDesk credit,
        [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        // Keys are scoped per client, as the Idempotency-Key draft asks.
        await credit.AssessAsync(finance.User, finance.Client, request, idempotencyKey, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            { Created: true, Record: var assessment } => TypedResults.Created($"/v1/credit-assessments/{assessment.Id}", assessment),
            { Record: var replayed } => TypedResults.Ok(replayed),
        };

    public static async Task<Results<Ok<CreditAssessment>, NotFound>> GetAssessment(
        string id, CreditDesk credit, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await credit.GetAsync(finance.User, id, cancellationToken) is { } assessment ? TypedResults.Ok(assessment) : TypedResults.NotFound();

    public static async Task<Results<Ok<CreditAssessment>, NotFound>> Release(
        string id, CreditDesk credit, [AsParameters] FinanceRequest finance, CancellationToken cancellationToken) =>
        await credit.ReleaseAsync(finance.User, id, cancellationToken) is { } assessment ? TypedResults.Ok(assessment) : TypedResults.NotFound();
}
