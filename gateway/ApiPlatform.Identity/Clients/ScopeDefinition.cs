namespace ApiPlatform.Identity.Clients;

internal sealed record ScopeDefinition(string Name, string Audience, string DisplayName);
