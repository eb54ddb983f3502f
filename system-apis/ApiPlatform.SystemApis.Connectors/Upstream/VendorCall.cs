using System.Net;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Errors;
using Polly.Timeout;
using Refit;

namespace ApiPlatform.SystemApis.Connectors.Upstream;

/// <summary>
/// Runs one call to a system of record and turns every way it can fail into a problem naming the system:
/// unreadable or out-of-contract answers 502, throttling and outages 503, slowness 504. <paramref name="classify"/>
/// lets a connector read the vendor's own error body first (e.g. Salesforce's REQUEST_LIMIT_EXCEEDED).
/// </summary>
public static class VendorCall
{
    public static async Task<T> RunAsync<T>(string system, Func<Task<T>> call, Func<ApiException, ProblemException?>? classify = null)
    {
        try
        {
            return await call();
        }
        catch (ProblemException)
        {
            throw;
        }
        catch (Exception error) when (error.InnerException is ProblemException known)
        {
            throw known;
        }
        catch (ApiException error) when ((int)error.StatusCode < 300)
        {
            throw UpstreamProblems.BadAnswer(system, "a body that is not the JSON it documents");
        }
        catch (ApiException error) when (classify?.Invoke(error) is { } known)
        {
            throw known;
        }
        catch (ApiException error)
        {
            throw FromStatus(system, error);
        }
        catch (UpstreamContractException error)
        {
            throw UpstreamProblems.BadAnswer(system, error.Message);
        }
        catch (JsonException)
        {
            throw UpstreamProblems.BadAnswer(system, "a body that is not the JSON it documents");
        }
        catch (Exception error) when (error is TimeoutRejectedException || error.InnerException is TimeoutRejectedException)
        {
            throw UpstreamProblems.Timeout(system);
        }
        catch (Exception error) when (error.InnerException is UpstreamContractException contract)
        {
            throw UpstreamProblems.BadAnswer(system, contract.Message);
        }
        catch (Exception error) when (error.InnerException is JsonException || error is InvalidOperationException && error.Message.Contains("deserializ", StringComparison.OrdinalIgnoreCase))
        {
            throw UpstreamProblems.BadAnswer(system, "a body that is not the JSON it documents");
        }
        catch (HttpRequestException error)
        {
            throw UpstreamProblems.Unavailable(system, $"{system} could not be reached ({error.HttpRequestError}).");
        }
    }

    public static async Task RunAsync(string system, Func<Task> call, Func<ApiException, ProblemException?>? classify = null) =>
        await RunAsync<bool>(system, async () =>
        {
            await call();
            return true;
        }, classify);

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
