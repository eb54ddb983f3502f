namespace ApiPlatform.ServiceDefaults.Errors;

/// <summary>
/// The platform's problem types (RFC 9457). Each is a relative reference with its full path (as §3.1.1 recommends for
/// relative type URIs): resolved against the address a problem came from through the gateway, it leads to the
/// developer portal's page for the type, which says what it means and what to do.
/// </summary>
public static class ProblemTypes
{
    /// <summary>Where the developer portal documents the problem types; every type is this path plus its name.</summary>
    public const string Base = "/developers/problems/";

    public const string Validation = Base + "validation";
    public const string BadRequest = Base + "bad-request";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string BusinessRule = Base + "business-rule";
    public const string RateLimited = Base + "rate-limited";
    public const string UpstreamUnavailable = Base + "upstream-unavailable";
    public const string UpstreamTimeout = Base + "upstream-timeout";
    public const string UpstreamError = Base + "upstream-error";
    public const string VersionNotFound = Base + "version-not-found";
    public const string LifecycleRetired = Base + "lifecycle-retired";
    public const string NotSupported = Base + "not-supported";
    public const string Internal = Base + "internal";

    /// <summary>A write lost to concurrent writes of the same record every time it was tried; nothing was written.</summary>
    public const string Busy = Base + "busy";

    /// <summary>The problem type for a status code a handler returned without a body.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        410 => LifecycleRetired,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => BusinessRule,
        429 => RateLimited,
        501 => NotSupported,
        502 => UpstreamError,
        503 => UpstreamUnavailable,
        504 => UpstreamTimeout,
        _ => Internal,
    };
}
