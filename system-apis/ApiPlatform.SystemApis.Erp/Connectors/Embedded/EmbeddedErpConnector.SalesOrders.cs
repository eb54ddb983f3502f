using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Connectors.Embedded;

internal sealed partial class EmbeddedErpConnector
{
    private const string CreateSavepoint = "sales_order_create";

    public async Task<SalesOrderWrite> CreateSalesOrderAsync(CreateSalesOrderRequest request, OrderKey key, CancellationToken cancellationToken)
    {
        if (await FindByKey(key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, key);
        }

        var order = NewOrder(request, key, time.GetUtcNow());
        db.SalesOrders.Add(order);
        // Inside the caller's transaction (the order commits with its event), PostgreSQL aborts the whole transaction at the
        // unique violation of a concurrent create with the same key: roll back to here and the re-read below still works.
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            await transaction.CreateSavepointAsync(CreateSavepoint, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (transaction is not null)
            {
                await transaction.RollbackToSavepointAsync(CreateSavepoint, cancellationToken);
            }
            // A concurrent create with the same key won the race: answer as its replay.
            var concurrent = await FindByKey(key, cancellationToken);
            if (concurrent is null)
            {
                throw;
            }
            return Replay(concurrent, key);
        }
        return new SalesOrderWrite(SalesOrderMapping.ToContract(order), Created: true, KeyReused: false);
    }

    public async Task<SalesOrder?> GetSalesOrderAsync(string? tenant, string id, CancellationToken cancellationToken) =>
        await OfTenant(db.SalesOrders.AsNoTracking().Include(o => o.Lines), tenant).FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? SalesOrderMapping.ToContract(order)
            : null;

    public async Task<Page<SalesOrder>> ListSalesOrdersAsync(
        string? tenant, string? customerAccountId, SalesOrderStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = OfTenant(db.SalesOrders.AsNoTracking().Include(o => o.Lines), tenant);
        if (customerAccountId is not null)
        {
            query = query.Where(o => o.CustomerAccountId == customerAccountId);
        }
        if (status is not null)
        {
            query = query.Where(o => o.Status == status);
        }
        return await query.OrderBy(o => o.Number).ToPageAsync(page, SalesOrderMapping.ToContract, cancellationToken);
    }

    private Task<SalesOrderEntity?> FindByKey(OrderKey key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.SalesOrders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.CreatedBy == key.Client && o.IdempotencyKey == key.IdempotencyKey, cancellationToken);
    }

    private static SalesOrderWrite Replay(SalesOrderEntity earlier, OrderKey key) =>
        new(SalesOrderMapping.ToContract(earlier), Created: false, KeyReused: earlier.RequestHash != key.RequestHash);

    private static SalesOrderEntity NewOrder(CreateSalesOrderRequest request, OrderKey key, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        return new SalesOrderEntity
        {
            Id = $"so-{id}",
            Tenant = request.Tenant,
            Number = $"SO-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}",
            CustomerAccountId = request.CustomerAccountId,
            QuoteId = request.QuoteId,
            Status = SalesOrderStatus.Open,
            Currency = request.Currency,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = key.Client,
            IdempotencyKey = key.IdempotencyKey,
            RequestHash = key.RequestHash,
            Lines = request.Lines.Select((l, i) => new SalesOrderLineEntity
            {
                LineNumber = i + 1, Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount,
                DiscountPercent = l.DiscountPercent,
            }).ToList(),
        };
    }
}
