using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A real upstream on loopback that echoes every request as JSON (and its correlation id, as platform services do);
/// a path ending in <c>/slow</c> answers only after <see cref="SlowDelay"/>.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(10);
    private readonly WebApplication app;

    private TestBackend(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The address as a catalog upstream or <c>Gateway:Upstreams</c> value (no trailing slash).</summary>
    public string Upstream => Address.AbsoluteUri.TrimEnd('/');

    public static async Task<TestBackend> StartAsync()
    {
        var app = LoopbackApp.CreateBuilder(new Dictionary<string, string?>()).Build();
        app.Map("/{**path}", EchoAsync);
        return new TestBackend(app, await LoopbackApp.StartAsync(app));
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.EndsWith("/slow", StringComparison.Ordinal) == true)
        {
            await Task.Delay(SlowDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var correlationId = context.Request.Headers["X-Correlation-Id"].ToString();
        if (correlationId.Length > 0)
        {
            context.Response.Headers["X-Correlation-Id"] = correlationId;
        }

        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await context.Response.WriteAsJsonAsync(new EchoedRequest(context.Request.Method, target, headers));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
