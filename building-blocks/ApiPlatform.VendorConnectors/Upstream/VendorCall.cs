using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Telemetry;
using Microsoft.AspNetCore.Http;
using Polly.Timeout;
using Refit;

namespace ApiPlatform.VendorConnectors.Upstream;

/// <summary>
/// Runs one call to a system of record and turns every way it can fail into a problem naming the connector:
/// unreadable or out-of-contract answers 502, throttling and outages 503, slowness 504. <c>classify</c> lets a
/// connector read the vendor's own error body first (e.g. Salesforce's REQUEST_LIMIT_EXCEEDED). Every call is measured
/// (<see cref="ConnectorMetrics"/>); an answer that breaks the canonical mapping is counted with its field and attached
/// to the problem as a <see cref="MappingFailure"/>, which the service publishes as an integration event.
/// </summary>
public static class VendorCall
{
    public static async Task<T> RunAsync<T>(Vendor vendor, Func<Task<T>> call, Func<ApiException, ProblemException?>? classify = null)
    {
        var started = Stopwatch.GetTimestamp();
        var operation = VendorOperation.Begin();
        try
        {
            var result = await call();
            ConnectorMetrics.Called(vendor.System, vendor.Connector, CallOutcome.Ok, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception error) when (Translate(vendor.Connector, error, classify) is { } problem)
        {
            var field = problem.Status == StatusCodes.Status502BadGateway ? MappingFieldOf(error) : null;
            if (field is not null)
            {
                var failure = new MappingFailure(vendor.System, vendor.Connector, field, operation.Name);
                ConnectorMetrics.MappingFailed(failure);
                failure.AttachTo(problem);
            }
            // A mapping failure of a call made inside this one (a token fetch) is attached already: this call failed of it too.
            var mapping = field is not null || MappingFailure.Of(problem) is not null;
            ConnectorMetrics.Called(vendor.System, vendor.Connector, CallOutcome.Of(vendor.Connector, problem, error, mapping),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (ReferenceEquals(problem, error))
            {
                throw;
            }
            throw problem;
        }
    }

    public static async Task RunAsync(Vendor vendor, Func<Task> call, Func<ApiException, ProblemException?>? classify = null) =>
        await RunAsync<bool>(vendor, async () =>
        {
            await call();
            return true;
        }, classify);

    /// <summary>The problem a failed call becomes, or null for a failure that is not the system of record's (a cancellation).</summary>
    private static ProblemException? Translate(string system, Exception error, Func<ApiException, ProblemException?>? classify) => error switch
    {
        ProblemException known => known,
        _ when error.InnerException is ProblemException known => known,
        ApiException api when (int)api.StatusCode < 300 => UpstreamProblems.BadAnswer(system, "a body that is not the JSON it documents"),
        ApiException api when classify?.Invoke(api) is { } known => known,
        ApiException api => FromStatus(system, api),
        UpstreamContractException contract => UpstreamProblems.BadAnswer(system, contract.Message),
        JsonException => UpstreamProblems.BadAnswer(system, "a body that is not the JSON it documents"),
        _ when error is TimeoutRejectedException || error.InnerException is TimeoutRejectedException => UpstreamProblems.Timeout(system),
        _ when error.InnerException is UpstreamContractException contract => UpstreamProblems.BadAnswer(system, contract.Message),
        _ when error.InnerException is JsonException || IsDeserialization(error) => UpstreamProblems.BadAnswer(system, "a body that is not the JSON it documents"),
        HttpRequestException http => UpstreamProblems.Unavailable(system, $"{system} could not be reached ({http.HttpRequestError})."),
        _ => null,
    };

    /// <summary>
    /// The vendor field whose value broke the mapping: the one the connector's checks name, or the JSON path where the
    /// answer stopped deserializing. Null for a failure of transport, status or credentials.
    /// </summary>
    private static string? MappingFieldOf(Exception error)
    {
        var cause = error is ApiException or ProblemException ? error.InnerException : error;
        if (error is ApiException api && (int)api.StatusCode < 300)
        {
            cause = api.InnerException ?? api;
        }
        return (cause, cause?.InnerException) switch
        {
            (UpstreamContractException { Transport: false } contract, _) => contract.Field ?? MappingFailure.UnnamedField,
            (_, UpstreamContractException { Transport: false } contract) => contract.Field ?? MappingFailure.UnnamedField,
            (JsonException json, _) => json.Path ?? MappingFailure.UnnamedField,
            (_, JsonException json) => json.Path ?? MappingFailure.UnnamedField,
            (ApiException, _) => MappingFailure.UnnamedField,
            ({ } other, _) when IsDeserialization(other) => MappingFailure.UnnamedField,
            _ => null,
        };
    }

    private static bool IsDeserialization(Exception error) =>
        error is InvalidOperationException && error.Message.Contains("deserializ", StringComparison.OrdinalIgnoreCase);

    private static ProblemException FromStatus(string system, ApiException error) => error.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => UpstreamProblems.Unavailable(system, $"{system} is throttling requests.", RetryAfter(error)),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            UpstreamProblems.Refused(system, $"{system} refused the platform's credentials ({(int)error.StatusCode})."),
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout =>
            UpstreamProblems.Unavailable(system, $"{system} answered {(int)error.StatusCode}.", RetryAfter(error)),
        _ when (int)error.StatusCode >= 500 => UpstreamProblems.BadAnswer(system, $"{(int)error.StatusCode} to {Describe(error)}"),
        _ => UpstreamProblems.Refused(system, $"{system} answered {(int)error.StatusCode} to {Describe(error)}."),
    };

    private static string Describe(ApiException error) => $"{error.RequestMessage.Method} {error.RequestMessage.RequestUri?.AbsolutePath}";

    public static TimeSpan? RetryAfter(ApiException error)
    {
        // A date is measured against the vendor's own clock (its Date header), not ours.
        var header = error.Headers.RetryAfter;
        return header?.Delta ?? (header?.Date - (error.Headers.Date ?? DateTimeOffset.UtcNow));
    }
}
