using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.ServiceDefaults.Telemetry;

public static partial class Correlation
{
    public const string HeaderName = "X-Correlation-Id";

    // Accept only short printable ids so a header cannot smuggle content into logs.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex ValidId();

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>
    /// The correlation id of the current request (as echoed on its response), or, in work with no request (a workflow
    /// step, an event handler), the one that work continues (<see cref="Continue"/>).
    /// </summary>
    public static string? Get(HttpContext? context) => context?.Features.Get<Feature>()?.Id ?? Ambient.Value;

    /// <summary>Continues a business transaction's correlation id in background work until the result is disposed.</summary>
    public static IDisposable Continue(string? correlationId)
    {
        var previous = Ambient.Value;
        Ambient.Value = correlationId is not null && ValidId().IsMatch(correlationId) ? correlationId : null;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }

    /// <summary>
    /// Starts the request's correlation: the caller's valid <c>X-Correlation-Id</c> or a new one, kept for
    /// <see cref="Get"/>, echoed on the response and tagged on the recorded span. Returns the id.
    /// </summary>
    public static string Begin(HttpContext context)
    {
        var correlationId = FromRequest(context);
        Set(context, correlationId);
        context.Response.Headers[HeaderName] = correlationId;
        // Only a span that is recorded (sampled for export) carries the tag; nobody reads the others.
        if (Activity.Current is { Recorded: true } activity)
        {
            activity.SetTag("correlation.id", correlationId);
        }
        return correlationId;
    }

    internal static void Set(HttpContext context, string correlationId) => context.Features.Set(new Feature(correlationId));

    // A request feature rather than HttpContext.Items: no dictionary per request for one value.
    private sealed record Feature(string Id);

    internal static string FromRequest(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        if (ValidId().IsMatch(incoming))
        {
            return incoming;
        }

        // Without a trace, a random id of the same shape. It must be unique, not secret: a trace id's generator is a
        // per-thread PRNG, where Guid.NewGuid reads the kernel's random source (a system call per request on Linux).
        return (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
    }
}
