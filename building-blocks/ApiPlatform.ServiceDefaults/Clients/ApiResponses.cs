using System.Net;
using System.Text.Json;
using Refit;

namespace ApiPlatform.ServiceDefaults.Clients;

/// <summary>Reading a typed client's <see cref="IApiResponse{T}"/> in a workflow step or a handler.</summary>
public static class ApiResponses
{
    /// <summary>The content of a successful answer; otherwise its error is thrown (a workflow step's runtime classifies it: 4xx refuses, 5xx retries).</summary>
    public static T Require<T>(this IApiResponse<T> response) =>
        response.IsSuccessful && response.Content is { } content ? content : throw (Exception?)response.Error ?? new HttpRequestException("An empty answer.");

    public static bool Is(this IApiResponse response, HttpStatusCode status) => response.StatusCode == status;

    /// <summary>
    /// The problem's own words (<c>detail</c>, else <c>title</c>) of a failed call, or null when the answer has none:
    /// business text fit for callers, never a host, port or status code.
    /// </summary>
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
