using ApiPlatform.Contracts.Erp;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>The hold time of a reservation, on a fake clock over a real (in-memory) SQLite database.</summary>
public sealed class ReservationExpiryTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public ReservationExpiryTests() => connection.Open();

    [Fact]
    public async Task A_reservation_expires_when_its_hold_time_has_passed_and_gives_its_stock_back()
    {
        await using var db = await DatabaseAsync(onHand: 10);
        var ledger = new StockLedger(db, time);
        var reservation = await ledger.ReserveAsync(new CreateReservationRequest("acme", "SKU-1", null, 8, null, HoldMinutes: 15), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(14));
        var before = await ledger.AvailabilityAsync("SKU-1", null, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var after = await ledger.AvailabilityAsync("SKU-1", null, CancellationToken.None);

        Assert.Equal(2m, before.Single().Available);
        Assert.Equal(10m, after.Single().Available);
        Assert.Equal(ReservationStatus.Expired, (await db.Reservations.AsNoTracking().SingleAsync(r => r.Id == reservation.Id)).Status);
    }

    [Fact]
    public async Task Stock_cannot_be_reserved_twice()
    {
        await using var db = await DatabaseAsync(onHand: 5);
        var ledger = new StockLedger(db, time);
        await ledger.ReserveAsync(new CreateReservationRequest("acme", "SKU-1", null, 5, null, null), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ApiPlatform.ServiceDefaults.Errors.ProblemException>(() =>
            ledger.ReserveAsync(new CreateReservationRequest("globex", "SKU-1", null, 1, null, null), CancellationToken.None));

        Assert.Equal(422, refused.Status);
    }

    private async Task<ErpDbContext> DatabaseAsync(decimal onHand)
    {
        var db = new ErpDbContext(new DbContextOptionsBuilder<ErpDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        db.Stock.Add(new StockEntity { Sku = "SKU-1", Warehouse = "DE-STR", OnHand = onHand });
        await db.SaveChangesAsync();
        return db;
    }

    public void Dispose() => connection.Dispose();
}
