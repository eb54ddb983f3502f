using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Inventory;

/// <summary>Reservations as the caller sees them: each read first expires what is due, so a hold past its time is never answered active.</summary>
public sealed class ReservationBook(ErpDbContext db, StockLedger ledger)
{
    /// <summary>Reserves once per tenant and key (see <see cref="StockLedger.ReserveAsync(CreateReservationRequest, string?, CancellationToken)"/>); the key reused for another request is 422.</summary>
    public async Task<Written<Reservation>> ReserveAsync(CreateReservationRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var write = await ledger.ReserveAsync(request, idempotencyKey, cancellationToken);
        if (write.KeyReused)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Idempotency key reused",
                $"The Idempotency-Key was already used for reservation {write.Reservation.Id} with a different request.");
        }
        return new(EmbeddedMapping.ToContract(write.Reservation), write.Created);
    }

    public async Task<Page<Reservation>> ListAsync(
        ClaimsPrincipal caller, string? sku, string? salesOrderId, ReservationStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        await ledger.ExpireDueAsync(sku, cancellationToken);
        return await db.Reservations.AsNoTracking().VisibleTo(caller)
            .Where(r => (sku == null || r.Sku == sku) && (salesOrderId == null || r.SalesOrderId == salesOrderId) && (status == null || r.Status == status))
            .OrderBy(r => r.Id).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);
    }

    public async Task<Reservation?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken)
    {
        await ledger.ExpireDueAsync(null, cancellationToken);
        return await db.Reservations.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } reservation
            ? EmbeddedMapping.ToContract(reservation)
            : null;
    }

    /// <summary>The released reservation, or null when the caller has no such reservation; one no longer active is 409.</summary>
    public async Task<Reservation?> ReleaseAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken)
    {
        await ledger.ExpireDueAsync(null, cancellationToken);
        return await db.Reservations.AsNoTracking().VisibleTo(caller).AnyAsync(r => r.Id == id, cancellationToken)
            ? EmbeddedMapping.ToContract(await ledger.ReleaseAsync(id, cancellationToken))
            : null;
    }
}
