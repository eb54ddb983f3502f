using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Connectors.Embedded;

/// <summary>The embedded subscription billing system: customers and subscriptions in finance's own database.</summary>
internal sealed class EmbeddedBillingConnector(FinanceDbContext db, TimeProvider time) : IBillingConnector
{
    public const string SystemName = "embedded-billing";

    public string System => SystemName;

    public async Task<CursorPage<BillingCustomer>> ListCustomersAsync(string tenant, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var customers = await db.BillingCustomers.AsNoTracking().Where(c => c.Tenant == tenant && (cursor == null || c.Id.CompareTo(cursor) > 0))
            .OrderBy(c => c.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Paged(customers.ConvertAll(ToContract), limit, c => c.Id);
    }

    public async Task<Written<BillingCustomer>> CreateCustomerAsync(CreateBillingCustomerRequest request, string creationKey, CancellationToken cancellationToken)
    {
        Task<BillingCustomerEntity?> Earlier() =>
            db.BillingCustomers.AsNoTracking().FirstOrDefaultAsync(c => c.Tenant == request.Tenant && c.CreationKey == creationKey, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return new Written<BillingCustomer>(ToContract(earlier), false);
        }
        var customer = new BillingCustomerEntity
        {
            Id = $"bcus-{Guid.NewGuid():N}", Tenant = request.Tenant, AccountId = request.AccountId, Name = request.Name, Email = request.Email, CreationKey = creationKey,
        };
        db.BillingCustomers.Add(customer);
        return await db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent
            ? new Written<BillingCustomer>(ToContract(concurrent), false)
            : new Written<BillingCustomer>(ToContract(customer), true);
    }

    public async Task<CursorPage<Subscription>> ListSubscriptionsAsync(string tenant, string? customerId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Tenant == tenant && (customerId == null || s.CustomerId == customerId) && (cursor == null || s.Id.CompareTo(cursor) > 0))
            .OrderBy(s => s.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Paged(subscriptions.ConvertAll(ToContract), limit, s => s.Id);
    }

    public async Task<Subscription?> GetSubscriptionAsync(string tenant, string id, CancellationToken cancellationToken) =>
        await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Tenant == tenant && s.Id == id, cancellationToken) is { } subscription ? ToContract(subscription) : null;

    public async Task<Written<Subscription>> CreateSubscriptionAsync(CreateSubscriptionRequest request, string creationKey, CancellationToken cancellationToken)
    {
        Task<SubscriptionEntity?> Earlier() =>
            db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Tenant == request.Tenant && s.CreationKey == creationKey, cancellationToken);
        if (await Earlier() is { } earlier)
        {
            return new Written<Subscription>(ToContract(earlier), false);
        }
        if (!BillingPrices.All.TryGetValue(request.PriceId, out var price)
            || !await db.BillingCustomers.AnyAsync(c => c.Tenant == request.Tenant && c.Id == request.CustomerId, cancellationToken))
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Unknown customer or price", $"{SystemName} has no customer {request.CustomerId} or price {request.PriceId}.");
        }

        var now = time.GetUtcNow();
        var subscription = new SubscriptionEntity
        {
            Id = $"bsub-{Guid.NewGuid():N}", Tenant = request.Tenant, CustomerId = request.CustomerId, Status = SubscriptionStatus.Active, PriceId = request.PriceId,
            Quantity = request.Quantity, UnitAmount = price.UnitAmount, Currency = price.Currency, Interval = price.Interval, CurrentPeriodStart = now,
            CurrentPeriodEnd = price.Interval == "year" ? now.AddYears(1) : now.AddMonths(1), CreationKey = creationKey,
        };
        db.Subscriptions.Add(subscription);
        return await db.SaveOrFindWinnerAsync(Earlier, cancellationToken) is { } concurrent
            ? new Written<Subscription>(ToContract(concurrent), false)
            : new Written<Subscription>(ToContract(subscription), true);
    }

    public async Task<Subscription?> CancelSubscriptionAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        // One conditional update: of two concurrent cancels only the first sets the time, the second finds it cancelled.
        await db.Subscriptions.Where(s => s.Tenant == tenant && s.Id == id && s.Status != SubscriptionStatus.Canceled)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubscriptionStatus.Canceled).SetProperty(s => s.CanceledAt, time.GetUtcNow()), cancellationToken);
        return await GetSubscriptionAsync(tenant, id, cancellationToken);
    }

    public async Task<CursorPage<BillingEvent>> ListEventsAsync(string tenant, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var events = await db.BillingEvents.AsNoTracking()
            .Where(e => e.Tenant == tenant && e.SourceSystem == SystemName && (cursor == null || e.Id.CompareTo(cursor) > 0))
            .OrderBy(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Paged(events.ConvertAll(FinanceMapping.ToContract), limit, e => e.Id);
    }

    private static CursorPage<T> Paged<T>(List<T> items, int limit, Func<T, string> id) =>
        items.Count > limit ? new CursorPage<T>(items.Take(limit).ToList(), id(items[limit - 1])) : new CursorPage<T>(items, null);

    private static BillingCustomer ToContract(BillingCustomerEntity c) =>
        new(c.Id, c.Tenant, c.AccountId, c.Name, c.Email, null, new SourceReference(SystemName, c.Id));

    private static Subscription ToContract(SubscriptionEntity s) => new(
        s.Id, s.Tenant, s.CustomerId, s.Status, s.PriceId, s.Quantity, new Money(s.UnitAmount * s.Quantity, s.Currency), s.Interval,
        s.CurrentPeriodStart, s.CurrentPeriodEnd, s.CanceledAt, new SourceReference(SystemName, s.Id));
}
