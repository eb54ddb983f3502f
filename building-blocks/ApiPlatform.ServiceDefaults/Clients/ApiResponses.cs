using System.Net;
using Refit;

namespace ApiPlatform.ServiceDefaults.Clients;

/// <summary>Reading a typed client's <see cref="IApiResponse{T}"/> in a workflow step or a handler.</summary>
public static class ApiResponses
{
    /// <summary>The content of a successful answer; otherwise its error is thrown (a workflow step's runtime classifies it: 4xx refuses, 5xx retries).</summary>
    public static T Require<T>(this IApiResponse<T> response) =>
        response.IsSuccessful && response.Content is { } content ? content : throw (Exception?)response.Error ?? new HttpRequestException("An empty answer.");

    public static bool Is(this IApiResponse response, HttpStatusCode status) => response.StatusCode == status;
}
