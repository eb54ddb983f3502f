using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>The tenant's subscription billing system (embedded or Stripe, by <c>Finance:Billing:Connectors:{tenant}</c>).</summary>
public static class BillingApi
{
    public static RouteGroupBuilder MapBillingApi(this RouteGroupBuilder v1)
    {
        var billing = v1.MapGroup("/billing").WithTags("Billing");
        billing.MapGet("/customers", ListCustomers).WithName("listBillingCustomers").WithSummary("List the billing system's customers, paged by cursor").ProducesProblem(502);
        billing.MapPost("/customers", CreateCustomer).WithValidation<CreateBillingCustomerRequest>().WithName("createBillingCustomer")
            .WithSummary("Create a billing customer for a CRM account; a repeat with the same Idempotency-Key answers the same customer").ProducesProblem(403).ProducesProblem(502);
        billing.MapGet("/subscriptions", ListSubscriptions).WithName("listSubscriptions").WithSummary("List subscriptions, paged by cursor").ProducesProblem(502);
        billing.MapGet("/subscriptions/{id}", GetSubscription).WithName("getSubscription").WithSummary("Get one subscription").ProducesProblem(404).ProducesProblem(502);
        billing.MapPost("/subscriptions", CreateSubscription).WithValidation<CreateSubscriptionRequest>().WithName("createSubscription")
            .WithSummary("Subscribe a billing customer to a price; a repeat with the same Idempotency-Key answers the same subscription")
            .ProducesProblem(403).ProducesProblem(422).ProducesProblem(502);
        billing.MapPost("/subscriptions/{id}/cancel", CancelSubscription).WithName("cancelSubscription")
            .WithSummary("Cancel a subscription at once; one already cancelled is answered unchanged").ProducesProblem(404).ProducesProblem(502);
        billing.MapBillingEvents();
        return billing;
    }

    public static async Task<Ok<CursorPage<BillingCustomer>>> ListCustomers(
        string tenant, int? limit, string? cursor, [AsParameters] BillingRequest billing, CancellationToken cancellationToken)
    {
        var (connector, resolved) = billing.For(tenant);
        return TypedResults.Ok(await connector.ListCustomersAsync(resolved, Limit(limit), cursor, cancellationToken));
    }

    public static async Task<Results<Created<BillingCustomer>, Ok<BillingCustomer>>> CreateCustomer(
        CreateBillingCustomerRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] BillingRequest billing,
        CancellationToken cancellationToken)
    {
        var (connector, _) = billing.For(request.Tenant);
        var written = await connector.CreateCustomerAsync(request, billing.CreationKey(idempotencyKey), cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/billing/customers/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Ok<CursorPage<Subscription>>> ListSubscriptions(
        string tenant, string? customerId, int? limit, string? cursor, [AsParameters] BillingRequest billing, CancellationToken cancellationToken)
    {
        var (connector, resolved) = billing.For(tenant);
        return TypedResults.Ok(await connector.ListSubscriptionsAsync(resolved, customerId, Limit(limit), cursor, cancellationToken));
    }

    public static async Task<Results<Ok<Subscription>, NotFound>> GetSubscription(
        string id, string tenant, [AsParameters] BillingRequest billing, CancellationToken cancellationToken)
    {
        var (connector, resolved) = billing.For(tenant);
        return await connector.GetSubscriptionAsync(resolved, id, cancellationToken) is { } subscription ? TypedResults.Ok(subscription) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Subscription>, Ok<Subscription>>> CreateSubscription(
        CreateSubscriptionRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] BillingRequest billing,
        CancellationToken cancellationToken)
    {
        var (connector, _) = billing.For(request.Tenant);
        var written = await connector.CreateSubscriptionAsync(request, billing.CreationKey(idempotencyKey), cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/billing/subscriptions/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Results<Ok<Subscription>, NotFound>> CancelSubscription(
        string id, string tenant, [AsParameters] BillingRequest billing, CancellationToken cancellationToken)
    {
        var (connector, resolved) = billing.For(tenant);
        return await connector.CancelSubscriptionAsync(resolved, id, cancellationToken) is { } subscription ? TypedResults.Ok(subscription) : TypedResults.NotFound();
    }

    public static int Limit(int? limit) => Math.Clamp(limit ?? 25, 1, 100);
}

/// <summary>What every billing handler needs: the caller and the billing connector router.</summary>
public sealed record BillingRequest(System.Security.Claims.ClaimsPrincipal User, ConnectorRouter<IBillingConnector> Connectors)
{
    public (IBillingConnector Connector, string Tenant) For(string tenant)
    {
        var resolved = TenantScope.Resolve(User, tenant) ?? tenant;
        return (Connectors.For(resolved), resolved);
    }

    /// <summary>The Idempotency-Key scoped to the calling client, as the billing system's own idempotency key.</summary>
    public string CreationKey(string? idempotencyKey) => string.IsNullOrWhiteSpace(idempotencyKey)
        ? Guid.NewGuid().ToString("N")
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{User.GetClientId()}\n{idempotencyKey}")))[..32];
}
