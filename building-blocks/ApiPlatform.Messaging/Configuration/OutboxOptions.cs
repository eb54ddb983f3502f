using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Messaging.Configuration;

/// <summary>The outbox relay (section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Whether this replica runs a relay; any number of replicas may.</summary>
    public bool RelayEnabled { get; set; } = true;

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long the relay waits for new rows when the outbox is empty (a local commit wakes it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claim holds rows; a relay that dies mid-batch releases them when it runs out.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long published rows are kept for inspection before they are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan PublishedRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Readiness fails when pending rows are older than this and the relay has made no progress for as long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);
}
