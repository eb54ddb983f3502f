namespace ApiPlatform.Messaging.Admin;

public sealed record DeadLetterSummary(
    long Id, string EventId, string Group, string Type, string Subject, string? Tenant, string Status, int Attempts,
    DateTimeOffset FirstFailureAt, DateTimeOffset LastFailureAt, DateTimeOffset DeadLetteredAt, int ReplayCount);
