using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Configuration;

/// <summary>Checks across settings, each failure naming its configuration key.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(DataAnnotations("Messaging:Outbox", options.Outbox));
        failures.AddRange(DataAnnotations("Messaging:Consumer", options.Consumer));
        if (options.Transport == MessagingOptions.RedisTransport && string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            failures.Add("Messaging:RedisConnectionString (or ConnectionStrings:redis) is required when Messaging:Transport is 'redis'.");
        }
        if (options.Transport == MessagingOptions.EmbeddedTransport && string.IsNullOrWhiteSpace(options.EmbeddedConnectionString))
        {
            failures.Add("Messaging:EmbeddedConnectionString is required when Messaging:Transport is 'embedded'.");
        }
        if (options.Consumer.RetryMaxDelay < options.Consumer.RetryBaseDelay)
        {
            failures.Add("Messaging:Consumer:RetryMaxDelay must not be shorter than Messaging:Consumer:RetryBaseDelay.");
        }
        // A message waiting for its next attempt stays pending on the transport: it must not look abandoned meanwhile.
        if (options.Consumer.ReclaimAfter <= options.Consumer.MaxTotalBackoff())
        {
            failures.Add($"Messaging:Consumer:ReclaimAfter ({options.Consumer.ReclaimAfter}) must be longer than the retries' total backoff " +
                $"({options.Consumer.MaxTotalBackoff()}) from Messaging:Consumer:MaxAttempts, RetryBaseDelay and RetryMaxDelay.");
        }
        // A message taken over from a dead consumer must still find the inbox row of the handling that died unacknowledged.
        if (options.Consumer.InboxRetention <= options.Consumer.ReclaimAfter)
        {
            failures.Add($"Messaging:Consumer:InboxRetention ({options.Consumer.InboxRetention}) must be longer than " +
                $"Messaging:Consumer:ReclaimAfter ({options.Consumer.ReclaimAfter}).");
        }
        if (options.Outbox.MaxRetryDelay < options.Outbox.RetryDelay)
        {
            failures.Add("Messaging:Outbox:MaxRetryDelay must not be shorter than Messaging:Outbox:RetryDelay.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> DataAnnotations(string section, object options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        return results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
    }
}
