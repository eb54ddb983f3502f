using System.Security.Cryptography;
using System.Text.Json;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Inventory;

/// <summary>
/// The embedded ERP's stock rules: reservations hold stock until consumed, released or expired; shipments take stock
/// (first what the order reserved); receipts add it. Available stock never goes below zero: every change re-reads the
/// stock row and a concurrent change fails on its concurrency tokens and is tried again, after a short random pause so
/// that writers of one busy SKU spread out; one that loses every attempt answers 503 (nothing was written, try again).
/// </summary>
public sealed partial class StockLedger(ErpDbContext db, TimeProvider time)
{
    private const int Attempts = 10;
    public static readonly TimeSpan DefaultHold = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<StockEntity>> AvailabilityAsync(string? sku, string? warehouse, CancellationToken cancellationToken)
    {
        await ExpireDueAsync(sku, cancellationToken);
        var query = db.Stock.AsNoTracking();
        if (sku is not null)
        {
            query = query.Where(s => s.Sku == sku);
        }
        if (warehouse is not null)
        {
            query = query.Where(s => s.Warehouse == warehouse);
        }
        return await query.OrderBy(s => s.Sku).ThenBy(s => s.Warehouse).ToListAsync(cancellationToken);
    }

    /// <summary>Expires the active reservations whose hold time has passed, giving their stock back.</summary>
    public async Task<int> ExpireDueAsync(string? sku, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await WithRetryAsync(async () =>
        {
            var active = await db.Reservations.Where(r => r.Status == ReservationStatus.Active && (sku == null || r.Sku == sku)).ToListAsync(cancellationToken);
            var due = active.Where(r => r.ExpiresAt <= now).ToList();
            foreach (var reservation in due)
            {
                await CloseAsync(reservation, ReservationStatus.Expired, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        });
    }

    public async Task<ReservationEntity> ReserveAsync(CreateReservationRequest request, CancellationToken cancellationToken) =>
        (await ReserveAsync(request, null, cancellationToken)).Reservation;

    /// <summary>
    /// Reserves once per tenant and <paramref name="idempotencyKey"/>: a repeat answers the first reservation as it is now,
    /// or says the key was reused for another request; a concurrent twin that wins the race is answered the same way.
    /// </summary>
    public async Task<ReservationWrite> ReserveAsync(CreateReservationRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await ExpireDueAsync(request.Sku, cancellationToken);
        var hash = idempotencyKey is null ? null : Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        return await WithRetryAsync(async () =>
        {
            // Checked on every attempt: a twin's commit is what made the previous attempt fail.
            if (idempotencyKey is not null && await EarlierAsync(request.Tenant, idempotencyKey, cancellationToken) is { } earlier)
            {
                return new ReservationWrite(earlier, Created: false, KeyReused: earlier.RequestHash != hash);
            }

            var stock = await db.Stock.Where(s => s.Sku == request.Sku && (request.Warehouse == null || s.Warehouse == request.Warehouse)).ToListAsync(cancellationToken);
            var from = stock.Where(s => s.Available >= request.Quantity).OrderByDescending(s => s.Available).FirstOrDefault();
            if (from is null)
            {
                // A twin with the same key may have committed between the key check and the stock read, taking the stock
                // this request would have taken: then this is its replay, not a shortage.
                if (idempotencyKey is not null && await EarlierAsync(request.Tenant, idempotencyKey, cancellationToken) is { } twin)
                {
                    return new ReservationWrite(twin, Created: false, KeyReused: twin.RequestHash != hash);
                }
                throw Shortage(request.Sku, request.Quantity, stock);
            }
            var now = time.GetUtcNow();
            from.Reserved += request.Quantity;
            from.UpdatedAt = now;
            var reservation = new ReservationEntity
            {
                Id = $"res-{Guid.NewGuid():N}", Tenant = request.Tenant, Sku = request.Sku, Warehouse = from.Warehouse, Quantity = request.Quantity,
                Status = ReservationStatus.Active, SalesOrderId = request.SalesOrderId, CreatedAt = now,
                ExpiresAt = now + (request.HoldMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultHold),
                IdempotencyKey = idempotencyKey, RequestHash = hash,
            };
            db.Reservations.Add(reservation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (idempotencyKey is not null)
            {
                // The unique key or the stock row's concurrency token refused this write: a twin with the same key may have won.
                db.ChangeTracker.Clear();
                if (await EarlierAsync(request.Tenant, idempotencyKey, cancellationToken) is { } winner)
                {
                    return new ReservationWrite(winner, Created: false, KeyReused: winner.RequestHash != hash);
                }
                throw;
            }
            return new ReservationWrite(reservation, Created: true, KeyReused: false);
        });
    }

    private Task<ReservationEntity?> EarlierAsync(string tenant, string idempotencyKey, CancellationToken cancellationToken) =>
        db.Reservations.AsNoTracking().FirstOrDefaultAsync(r => r.Tenant == tenant && r.IdempotencyKey == idempotencyKey, cancellationToken);

    public Task<ReservationEntity> ReleaseAsync(string id, CancellationToken cancellationToken) =>
        WithRetryAsync(async () =>
        {
            var reservation = await db.Reservations.FirstAsync(r => r.Id == id, cancellationToken);
            if (reservation.Status != ReservationStatus.Active)
            {
                throw ProblemException.Conflict($"Reservation {reservation.Id} is {reservation.Status}, not active.");
            }
            await CloseAsync(reservation, ReservationStatus.Released, time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return reservation;
        });

    private async Task CloseAsync(ReservationEntity reservation, ReservationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stock = await db.Stock.FirstAsync(s => s.Sku == reservation.Sku && s.Warehouse == reservation.Warehouse, cancellationToken);
        stock.Reserved -= reservation.Quantity;
        stock.UpdatedAt = now;
        reservation.Status = status;
        reservation.ClosedAt = now;
    }

    private static ProblemException Shortage(string sku, decimal quantity, IReadOnlyList<StockEntity> stock) =>
        new(422, ProblemTypes.BusinessRule, "Not enough stock",
            $"{quantity} of {sku} requested; available: {(stock.Count == 0 ? "none" : string.Join(", ", stock.Select(s => $"{s.Available} in {s.Warehouse}")))}.");

    private async Task<T> WithRetryAsync<T>(Func<Task<T>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await change();
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)));
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw new ProblemException(503, ProblemTypes.Busy, "Stock is busy",
                    $"Stock changed under this request {Attempts} times in a row; nothing was written, try again.")
                {
                    Extensions = { ["retryAfterSeconds"] = 1 },
                };
            }
        }
    }
}
