using System.Reflection;

namespace ApiPlatform.AppHost;

/// <summary>One service of the platform: how to add it to a builder and map it, as its own Program.cs does.</summary>
public sealed record ServiceDefinition(
    string Name,
    string Tier,
    Assembly Assembly,
    Action<WebApplicationBuilder> Add,
    Action<WebApplication> Map,
    IReadOnlyList<string> Downstream,
    bool HasServiceClient);
