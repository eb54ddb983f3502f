using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// Faults injected into quote-to-cash's calls to the system APIs with Polly's chaos outcome strategy, per business
/// transaction: a fault applies only to calls made under one correlation id (each test orders with its own), so the
/// other tests' order requests run untouched.
/// </summary>
public sealed class StepFaults
{
    private readonly ConcurrentDictionary<string, Fault> faults = new();

    public sealed record Fault(HttpMethod Method, Regex Path, HttpStatusCode Status);

    /// <summary>Calls of transaction <paramref name="correlationId"/> to <paramref name="path"/> (a regex) answer <paramref name="status"/>.</summary>
    public void Inject(string correlationId, HttpMethod method, string path, HttpStatusCode status) =>
        faults[correlationId] = new Fault(method, new Regex($"^{path}$", RegexOptions.CultureInvariant), status);

    public void Clear(string correlationId) => faults.TryRemove(correlationId, out _);

    /// <summary>Adds the chaos strategy to every HTTP client of the service (before its own handlers).</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.AddResilienceHandler("test-step-faults", pipeline =>
            pipeline.AddChaosOutcome(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
            {
                InjectionRate = 1,
                EnabledGenerator = args => ValueTask.FromResult(Matching(args.Context.GetRequestMessage()) is not null),
                OutcomeGenerator = args =>
                {
                    var request = args.Context.GetRequestMessage()!;
                    return ValueTask.FromResult<Outcome<HttpResponseMessage>?>(Outcome.FromResult(Answer(Matching(request)!.Status, request)));
                },
            })));

    private Fault? Matching(HttpRequestMessage? request) =>
        request is not null && Correlation.Get(null) is { } correlationId && faults.TryGetValue(correlationId, out var fault)
        && fault.Method == request.Method && fault.Path.IsMatch(request.RequestUri?.AbsolutePath ?? "")
            ? fault
            : null;

    private static HttpResponseMessage Answer(HttpStatusCode status, HttpRequestMessage request) => new(status)
    {
        RequestMessage = request,
        Content = new StringContent(
            $$"""{"type":"/developers/problems/business-rule","title":"Injected fault","status":{{(int)status}},"detail":"The system of record refused the request (injected by the test)."}""",
            Encoding.UTF8, "application/problem+json"),
    };
}
