using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        CreateReservationRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, ReservationBook reservations,
        [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128))
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Invalid Idempotency-Key",
                "An Idempotency-Key header, when given, has 1 to 128 characters.");
        }

        erp.EmbeddedTenant(request.Tenant);
        var written = await reservations.ReserveAsync(request, idempotencyKey, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/reservations/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Ok<Page<Reservation>>> ListReservations(
        [AsParameters] PageRequest page, string? sku, string? salesOrderId, ReservationStatus? status, ReservationBook reservations, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await reservations.ListAsync(erp.User, sku, salesOrderId, status, page, cancellationToken));

    public static async Task<Results<Ok<Reservation>, NotFound>> GetReservation(
        string id, ReservationBook reservations, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await reservations.GetAsync(erp.User, id, cancellationToken) is { } reservation ? TypedResults.Ok(reservation) : TypedResults.NotFound();

    public static async Task<Results<Ok<Reservation>, NotFound>> Release(
        string id, ReservationBook reservations, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await reservations.ReleaseAsync(erp.User, id, cancellationToken) is { } reservation ? TypedResults.Ok(reservation) : TypedResults.NotFound();
}
