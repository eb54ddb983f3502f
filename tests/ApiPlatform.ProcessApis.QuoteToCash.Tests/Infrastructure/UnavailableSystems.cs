using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Refit;

namespace ApiPlatform.ProcessApis.QuoteToCash.Tests.Infrastructure;

/// <summary>Systems of record that answer every call 503, behind the real typed clients: what a step calls, and whether it calls at all.</summary>
public sealed class UnavailableSystems : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> requests = new();

    public IReadOnlyList<string> Requests => [.. requests];

    public T Client<T>() => RestService.For<T>(
        new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://systems.test") },
        new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web))));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requests.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
    }
}
