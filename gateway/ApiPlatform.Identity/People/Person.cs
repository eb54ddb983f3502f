namespace ApiPlatform.Identity.People;

/// <summary>A person as tokens describe them: subject, role, and for a partner user the partner's tenant and plan.</summary>
public sealed record Person(string Subject, string Role, string? Tenant, string Plan, string ClientKind, IReadOnlyList<string> Scopes);
