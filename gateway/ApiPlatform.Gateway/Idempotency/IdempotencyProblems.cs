using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>The answers of the idempotency check, each with its own stable problem type.</summary>
internal static class IdempotencyProblems
{
    private const string Base = ProblemTypes.Base;
    public const string KeyMissingType = Base + "idempotency-key-missing";
    public const string KeyMalformedType = Base + "idempotency-key-malformed";
    public const string InFlightType = Base + "idempotency-in-flight";
    public const string KeyReusedType = Base + "idempotency-key-reused";
    public const string StoreUnavailableType = Base + "idempotency-store-unavailable";

    public static ProblemDetails Missing(string api) => Problem(StatusCodes.Status400BadRequest, KeyMissingType,
        "Idempotency-Key required", $"POST and PATCH on the {api} API need an Idempotency-Key header.");

    public static ProblemDetails Malformed() => Problem(StatusCodes.Status400BadRequest, KeyMalformedType,
        "Idempotency-Key malformed", "The Idempotency-Key must be one string of 1 to 255 visible ASCII characters, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\".");

    public static ProblemDetails InFlight() => Problem(StatusCodes.Status409Conflict, InFlightType,
        "Request in flight", "A request with this Idempotency-Key is still being processed; retry once it has completed.");

    public static ProblemDetails Reused() => Problem(StatusCodes.Status422UnprocessableEntity, KeyReusedType,
        "Idempotency-Key reused", "This Idempotency-Key was already used for a different request (method, path or body).");

    public static ProblemDetails StoreUnavailable() => Problem(StatusCodes.Status503ServiceUnavailable, StoreUnavailableType,
        "Idempotency store unavailable", "The request was not executed: its Idempotency-Key cannot be checked right now.");

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };
}
