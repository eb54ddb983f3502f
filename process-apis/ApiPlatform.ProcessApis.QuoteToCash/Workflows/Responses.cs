using System.Net;
using Refit;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

internal static class Responses
{
    /// <summary>The content of a successful answer; otherwise its error is thrown for the runtime to classify (4xx refuses, 5xx retries).</summary>
    public static T Require<T>(this IApiResponse<T> response) =>
        response.IsSuccessful && response.Content is { } content ? content : throw (Exception?)response.Error ?? new HttpRequestException("An empty answer.");

    public static bool Is(this IApiResponse response, HttpStatusCode status) => response.StatusCode == status;
}
