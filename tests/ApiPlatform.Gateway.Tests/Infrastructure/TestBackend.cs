using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A real upstream on loopback that echoes every request as JSON (and its correlation id, as platform services do).
/// A path ending in <c>/slow</c> answers only after <see cref="SlowDelay"/>, one holding <c>/delay/{ms}/</c> after
/// that many milliseconds, one holding <c>/status/{code}</c> answers that status, and one ending in <c>/located/{kind}</c>
/// answers <c>Location</c> and <c>Content-Location</c> as a service would: its own path (<c>relative</c>), its own
/// absolute URL (<c>absolute</c>) or another site's (<c>foreign</c>).
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(10);
    private readonly WebApplication app;
    private long requests;

    private TestBackend(WebApplication app)
    {
        this.app = app;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The address as a catalog upstream or <c>Gateway:Upstreams</c> value (no trailing slash).</summary>
    public string Upstream => Address.AbsoluteUri.TrimEnd('/');

    /// <summary>How many requests reached this backend.</summary>
    public long Requests => Interlocked.Read(ref requests);

    public static async Task<TestBackend> StartAsync()
    {
        var app = LoopbackApp.CreateBuilder(new Dictionary<string, string?>()).Build();
        var backend = new TestBackend(app);
        app.Map("/{**path}", backend.EchoAsync);
        backend.Address = await LoopbackApp.StartAsync(app);
        return backend;
    }

    private async Task EchoAsync(HttpContext context)
    {
        var sequence = Interlocked.Increment(ref requests);
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/slow", StringComparison.Ordinal))
        {
            await Task.Delay(SlowDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (Segment(path, "delay") is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (Segment(path, "status") is { } status)
        {
            context.Response.StatusCode = status;
        }

        var located = path.Split('/') is [.., "located", var kind] ? kind : null;
        if (located is not null)
        {
            var location = located switch
            {
                "relative" => "/v1/things/42",
                "absolute" => $"{Address.AbsoluteUri}v1/things/42?view=full",
                _ => "https://example.org/v1/things/42",
            };
            context.Response.Headers.Location = location;
            context.Response.Headers.ContentLocation = location;
        }

        var correlationId = context.Request.Headers["X-Correlation-Id"].ToString();
        if (correlationId.Length > 0)
        {
            context.Response.Headers["X-Correlation-Id"] = correlationId;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await context.Response.WriteAsJsonAsync(new EchoedRequest(context.Request.Method, target, headers, body, sequence));
    }

    private static int? Segment(string path, string name)
    {
        var parts = path.Split('/');
        var index = Array.IndexOf(parts, name);
        return index >= 0 && index + 1 < parts.Length && int.TryParse(parts[index + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
