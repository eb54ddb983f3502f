namespace ApiPlatform.Messaging.Admin;

/// <summary>How many open dead letters were queued for replay; those already requested or replayed are not counted.</summary>
public sealed record ReplayDeadLettersResult(int Requested);
