using System.Net;
using System.Security.Claims;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ExperienceApis.PartnerPortal.Data;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

/// <summary>
/// Orders a quote through quote-to-cash on the caller's behalf and keeps the order in the portal's index of its
/// partners' orders; every version answers the order in its own shape.
/// </summary>
public sealed record OrderPlacement(IQuoteToCashApi QuoteToCash, PortalDbContext Db, ClaimsPrincipal User, TimeProvider Time)
{
    private static readonly CreateOrderRequestValidator Validator = new();
    private static readonly Dictionary<string, string> Renames = new() { ["existingOrderRequestId"] = "existingOrderId" };

    /// <summary>The order request, or the refusal (400, 404, 409, 422) to answer in the portal's words.</summary>
    public async Task<(OrderRequestStatus? Request, ProblemHttpResult? Refused)> PlaceAsync(
        string quoteId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // The quote id comes from the portal's route: held to quote-to-cash's own rules here, so what quote-to-cash
        // would refuse is the caller's 400 on the caller's field, not the portal's 502.
        var order = new CreateOrderRequest(quoteId);
        var errors = await RequestValidation.ErrorsAsync(Validator, order, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, TypedResults.Problem(new HttpValidationProblemDetails(
                errors.ToDictionary(e => e.Key == nameof(CreateOrderRequest.QuoteId) ? "quoteId" : e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid",
                Type = ProblemTypes.Validation,
            }));
        }

        // Without the caller's own key, a fresh key still lets the client retry this one call safely.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        using var response = await QuoteToCash.CreateOrderRequestAsync(order, key, cancellationToken);
        if (response.Relay(Renames, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity) is { } refused)
        {
            return (null, refused);
        }

        var request = response.Require();
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
