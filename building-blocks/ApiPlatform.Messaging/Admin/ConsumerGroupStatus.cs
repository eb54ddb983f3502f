namespace ApiPlatform.Messaging.Admin;

public sealed record ConsumerGroupStatus(string Group, string Topic, long Lag, long OpenDeadLetters);
