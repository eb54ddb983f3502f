using System.ComponentModel.DataAnnotations;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.Messaging.Configuration;

/// <summary>Consumer groups (section <c>Messaging:Consumer</c>).</summary>
public sealed class ConsumerOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Defaults to the machine name and process id, unique per running replica.</summary>
    public string? ConsumerName { get; set; }

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Messages held by one worker at once: being handled, waiting for a retry, or queued behind one of their subject.</summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Attempts before a message goes to the dead letters.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A message pending this long in another consumer is taken over (that consumer is presumed dead).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReplayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the inbox remembers that a group applied an event, so that a redelivery is skipped; older rows are
    /// deleted every <c>Messaging:TrimInterval</c>. Redeliveries come from a consumer that died before acknowledging
    /// (taken over after <see cref="ReclaimAfter"/>) and a relay that died before marking its rows published (within its
    /// lease); an event delivered again after this long would be applied again.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest a message can wait between its first and its last attempt.</summary>
    public TimeSpan MaxTotalBackoff()
    {
        var total = TimeSpan.Zero;
        for (var attempt = 1; attempt < MaxAttempts; attempt++)
        {
            total += RetryPolicy.MaxDelay(this, attempt);
        }
        return total;
    }
}
