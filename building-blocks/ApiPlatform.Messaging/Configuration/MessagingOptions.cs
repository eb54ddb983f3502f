using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Messaging.Configuration;

/// <summary>Messaging settings (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";
    public const string EmbeddedTransport = "embedded";
    public const string RedisTransport = "redis";

    /// <summary><c>embedded</c> (a SQLite file shared on one machine, the default) or <c>redis</c> (Redis Streams).</summary>
    [Required, RegularExpression("^(embedded|redis)$")]
    public string Transport { get; set; } = EmbeddedTransport;

    /// <summary>The CloudEvents <c>source</c> of this service's events; defaults to <c>/{Service:Name}</c>.</summary>
    [Required]
    public string? Source { get; set; }

    /// <summary>The embedded transport's SQLite connection string; defaults to <c>messaging.db</c> under <c>Database:DataDirectory</c>.</summary>
    public string? EmbeddedConnectionString { get; set; }

    /// <summary>Redis for the <c>redis</c> transport; defaults to <c>ConnectionStrings:redis</c>.</summary>
    public string? RedisConnectionString { get; set; }

    [Required]
    public string RedisKeyPrefix { get; set; } = "apiplatform:events:";

    /// <summary>How long delivered messages stay on the transport, so a new consumer group can start from the beginning.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the backlog, lag and dead-letter gauges are refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(15);

    public OutboxOptions Outbox { get; set; } = new();

    public ConsumerOptions Consumer { get; set; } = new();
}
