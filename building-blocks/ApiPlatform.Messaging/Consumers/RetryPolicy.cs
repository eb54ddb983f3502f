using ApiPlatform.Messaging.Configuration;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>Exponential backoff with jitter: the delay after attempt n lies between half and all of base·2ⁿ⁻¹, capped.</summary>
internal static class RetryPolicy
{
    public static TimeSpan MaxDelay(ConsumerOptions options, int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds));
    }

    // Jitter spreads the retries of many consumers hit by one failure so they do not strike again in step.
    public static TimeSpan Delay(ConsumerOptions options, int attempt, Random random)
    {
        var max = MaxDelay(options, attempt).TotalMilliseconds;
        return TimeSpan.FromMilliseconds(max / 2 + random.NextDouble() * max / 2);
    }
}
