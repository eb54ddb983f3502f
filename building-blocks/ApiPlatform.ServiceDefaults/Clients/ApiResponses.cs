using System.Net;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace ApiPlatform.ServiceDefaults.Clients;

/// <summary>
/// Reading a typed client's answer. Every method of a contract client returns <see cref="IApiResponse{T}"/>, which never
/// throws for an HTTP status: a caller maps 404 (<see cref="OrNotFound{T}"/>), relays a refusal (<see cref="Relay"/>) or
/// takes the content (<see cref="Require{T}"/>, which throws any other failure for the exception handler or a workflow
/// step's runtime to classify: 4xx refuses, 5xx retries).
/// </summary>
public static class ApiResponses
{
    /// <summary>The content of a successful answer; otherwise its error is thrown.</summary>
    public static T Require<T>(this IApiResponse<T> response) =>
        response.IsSuccessful && response.Content is { } content ? content : throw (Exception?)response.Error ?? new HttpRequestException("An empty answer.");

    /// <summary>The content of a successful answer, or null when the API answered 404; any other failure is thrown.</summary>
    public static T? OrNotFound<T>(this IApiResponse<T> response) where T : class =>
        response.Is(HttpStatusCode.NotFound) ? null : response.Require();

    public static bool Is(this IApiResponse response, HttpStatusCode status) => response.StatusCode == status;

    /// <summary>
    /// The API's problem, answered to this service's caller in the API's own words (title, detail and the extensions
    /// named in <paramref name="renames"/>, under their new names) when the API refused the call with one of
    /// <paramref name="statuses"/>; otherwise null.
    /// </summary>
    public static ProblemHttpResult? Relay(this IApiResponse response, IReadOnlyDictionary<string, string> renames, params HttpStatusCode[] statuses)
    {
        if (!response.HasResponseError(out var error) || !statuses.Contains(error.StatusCode))
        {
            return null;
        }

        var status = (int)error.StatusCode;
        var title = "The request could not be completed";
        string? detail = null;
        var extensions = new Dictionary<string, object?>();
        try
        {
            using var body = JsonDocument.Parse(error.Content ?? "{}");
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in body.RootElement.EnumerateObject())
                {
                    if (property.NameEquals("title") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        title = property.Value.GetString() ?? title;
                    }
                    else if (property.NameEquals("detail") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        detail = property.Value.GetString();
                    }
                    else if (renames.TryGetValue(property.Name, out var renamed))
                    {
                        // An extension keeps its JSON value, whatever its kind (a number, an object), as the API wrote it.
                        extensions[renamed] = property.Value.Clone();
                    }
                }
            }
        }
        catch (JsonException)
        {
            detail = null;
        }
        return ProblemDetailsExtensions.Problem(status, ProblemTypes.ForStatus(status), title, detail ?? title, extensions);
    }

    /// <summary>
    /// Whether an exception means another API did not answer usefully (refused, failed, unreachable, too slow, or its
    /// circuit open), so a caller that can do without its part answers without it.
    /// </summary>
    public static bool IsUpstreamFailure(Exception exception) =>
        exception is ApiExceptionBase or HttpRequestException or OperationCanceledException or TimeoutRejectedException or BrokenCircuitException;

    /// <summary>
    /// The problem's own words (<c>detail</c>, else <c>title</c>) of a failed call, or null when the answer has none:
    /// business text fit for callers, never a host, port or status code.
    /// </summary>
    public static string? ProblemText(this IApiResponse response) => response.HasResponseError(out var error) ? error.ProblemText() : null;

    /// <inheritdoc cref="ProblemText(IApiResponse)"/>
    public static string? ProblemText(this ApiException? error)
    {
        try
        {
            if (error?.Content is not { Length: > 0 } content)
            {
                return null;
            }
            using var problem = JsonDocument.Parse(content);
            var root = problem.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return (detail ?? title) is { Length: > 0 } text ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
