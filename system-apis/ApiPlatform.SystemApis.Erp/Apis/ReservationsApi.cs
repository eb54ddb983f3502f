using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Apis;

/// <summary>Stock held for a tenant: reserve (never more than is available), release, or let the hold time expire.</summary>
public static class ReservationsApi
{
    public static RouteGroupBuilder MapReservationsApi(this RouteGroupBuilder v1)
    {
        var reservations = v1.MapGroup("/reservations").WithTags("Inventory");
        reservations.MapPost("/", Reserve).WithValidation<CreateReservationRequest>().WithName("createReservation")
            .WithSummary("Reserve stock for a hold time (default 30 minutes); more than is available is 422; a repeat with the same Idempotency-Key answers the same reservation")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422);
        reservations.MapGet("/", ListReservations).WithName("listReservations").WithSummary("List reservations, optionally of one product, order or status");
        reservations.MapGet("/{id}", GetReservation).WithName("getReservation").WithSummary("Get one reservation").ProducesProblem(404);
        reservations.MapPost("/{id}/release", Release).WithName("releaseReservation")
            .WithSummary("Release an active reservation, giving its stock back; a reservation no longer active is 409 and nothing changes")
            .ProducesProblem(404).ProducesProblem(409);
        return reservations;
    }

    public static async Task<Results<Created<Reservation>, Ok<Reservation>, ProblemHttpResult>> Reserve(
        CreateReservationRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, StockLedger ledger, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128))
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Invalid Idempotency-Key",
                "An Idempotency-Key header, when given, has 1 to 128 characters.");
        }

        erp.EmbeddedTenant(request.Tenant);
        var write = await ledger.ReserveAsync(request, idempotencyKey, cancellationToken);
        if (write.KeyReused)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Idempotency key reused",
                $"The Idempotency-Key was already used for reservation {write.Reservation.Id} with a different request.");
        }

        var reservation = EmbeddedMapping.ToContract(write.Reservation);
        return write.Created ? TypedResults.Created($"/v1/reservations/{reservation.Id}", reservation) : TypedResults.Ok(reservation);
    }

    public static async Task<Ok<Page<Reservation>>> ListReservations(
        [AsParameters] PageRequest page, string? sku, string? salesOrderId, ReservationStatus? status, StockLedger ledger, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        await ledger.ExpireDueAsync(sku, cancellationToken);
        var query = erp.Db.Reservations.AsNoTracking().VisibleTo(erp.User)
            .Where(r => (sku == null || r.Sku == sku) && (salesOrderId == null || r.SalesOrderId == salesOrderId) && (status == null || r.Status == status));
        return TypedResults.Ok(await query.OrderBy(r => r.Id).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Reservation>, NotFound>> GetReservation(
        string id, StockLedger ledger, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        await ledger.ExpireDueAsync(null, cancellationToken);
        var reservation = await erp.Db.Reservations.AsNoTracking().VisibleTo(erp.User).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return reservation is null ? TypedResults.NotFound() : TypedResults.Ok(EmbeddedMapping.ToContract(reservation));
    }

    public static async Task<Results<Ok<Reservation>, NotFound>> Release(
        string id, StockLedger ledger, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        await ledger.ExpireDueAsync(null, cancellationToken);
        var visible = await erp.Db.Reservations.AsNoTracking().VisibleTo(erp.User).AnyAsync(r => r.Id == id, cancellationToken);
        return visible ? TypedResults.Ok(EmbeddedMapping.ToContract(await ledger.ReleaseAsync(id, cancellationToken))) : TypedResults.NotFound();
    }
}
