namespace ApiPlatform.Contracts.Events;

/// <summary>Failed calls of one kind: the status the caller got (502, 503, 504) and the cause (<c>mapping</c>, <c>timeout</c>…).</summary>
public sealed record ConnectorFailureCount(int Status, string Cause, long Calls);
