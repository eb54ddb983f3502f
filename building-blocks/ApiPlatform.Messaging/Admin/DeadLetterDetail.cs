using System.Text.Json;

namespace ApiPlatform.Messaging.Admin;

/// <summary>A dead letter with its last error and the CloudEvent as it was received.</summary>
public sealed record DeadLetterDetail(
    DeadLetterSummary Summary, string Error, JsonElement? Event, DateTimeOffset? ReplayRequestedAt, DateTimeOffset? ReplayedAt,
    DateTimeOffset? DiscardedAt, string? DiscardReason);
