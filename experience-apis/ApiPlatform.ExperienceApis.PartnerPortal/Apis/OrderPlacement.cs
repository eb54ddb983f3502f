using System.Net;
using System.Security.Claims;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ExperienceApis.PartnerPortal.Data;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

/// <summary>
/// Orders a quote through quote-to-cash on the caller's behalf and keeps the order in the portal's index of its
/// partners' orders; every version answers the order in its own shape.
/// </summary>
public sealed record OrderPlacement(IQuoteToCashApi QuoteToCash, PortalDbContext Db, ClaimsPrincipal User, TimeProvider Time)
{
    /// <summary>The order request, or the refusal (404, 409, 422) to answer in the portal's words.</summary>
    public async Task<(OrderRequestStatus? Request, ProblemHttpResult? Refused)> PlaceAsync(
        string quoteId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Without the caller's own key, a fresh key still lets the client retry this one call safely.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        using var response = await QuoteToCash.CreateOrderRequestAsync(new CreateOrderRequest(quoteId), key, cancellationToken);
        if (response.HasResponseError(out var refused)
            && refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            return (null, UpstreamProblem.Relay(refused, renames: new() { ["existingOrderRequestId"] = "existingOrderId" }));
        }

        var request = response.IsSuccessful && response.Content is { } content ? content : throw response.Error!;
        if (!await Db.Orders.AnyAsync(o => o.OrderRequestId == request.Id, cancellationToken))
        {
            Db.Orders.Add(new PortalOrderEntity
            {
                OrderRequestId = request.Id,
                Tenant = request.Tenant,
                QuoteId = request.QuoteId,
                PlacedBy = User.GetClientId() ?? "unknown",
                PlacedAt = Time.GetUtcNow(),
            });
            await Db.SaveChangesAsync(cancellationToken);
        }
        return (request, null);
    }
}
