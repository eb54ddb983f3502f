using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.ProcureToPay.Apis;

public static class RequisitionsApi
{
    public static RouteGroupBuilder MapRequisitionsApi(this RouteGroupBuilder v1)
    {
        var requisitions = v1.MapGroup("/requisitions").WithTags("Requisitions");
        requisitions.MapPost("/", Create).WithValidation<CreateRequisition>().WithName("createRequisition").WithSummary("Submit a purchase requisition");
        requisitions.MapGet("/", List).WithName("listRequisitions").WithSummary("List purchase requisitions");
        requisitions.MapGet("/{id}", Get).WithName("getRequisition").WithSummary("Get one purchase requisition").ProducesProblem(404);
        return requisitions;
    }

    public static async Task<Created<Requisition>> Create(
        CreateRequisition body, ProcureToPayDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var requisition = new RequisitionEntity
        {
            Id = $"pr-{Guid.NewGuid():N}",
            RequestedBy = user.GetClientId() ?? "unknown",
            Description = body.Description,
            SupplierId = body.SupplierId,
            Amount = body.Amount.Amount,
            Currency = body.Amount.Currency,
            Status = "Submitted",
            CreatedAt = time.GetUtcNow(),
        };
        db.Requisitions.Add(requisition);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/requisitions/{requisition.Id}", ToContract(requisition));
    }

    public static async Task<Ok<Page<Requisition>>> List([AsParameters] PageRequest page, ProcureToPayDbContext db, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await db.Requisitions.AsNoTracking().OrderBy(r => r.Id).ToPageAsync(page, ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Requisition>, NotFound>> Get(string id, ProcureToPayDbContext db, CancellationToken cancellationToken) =>
        await db.Requisitions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } requisition
            ? TypedResults.Ok(ToContract(requisition))
            : TypedResults.NotFound();

    private static Requisition ToContract(RequisitionEntity r) =>
        new(r.Id, r.Description, r.SupplierId, new Money(r.Amount, r.Currency), r.Status, r.RequestedBy, r.CreatedAt);
}
