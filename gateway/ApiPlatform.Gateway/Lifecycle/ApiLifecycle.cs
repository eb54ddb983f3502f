using ApiPlatform.Catalog;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>An API's versions as the gateway checks them on every request; attached to its route as endpoint metadata.</summary>
internal sealed class ApiLifecycle(ApiDefinition api, string catalogPath)
{
    public string Name { get; } = api.Name;
    public string Scope { get; } = api.Scope;
    public string PathPrefix { get; } = api.PathPrefix;

    public VersionLifecycle[] Versions { get; } =
        [.. api.Versions.OrderBy(v => v.Major).Select(v => new VersionLifecycle(api, v, catalogPath))];

    public VersionLifecycle? Find(int major)
    {
        foreach (var version in Versions)
        {
            if (version.Major == major)
            {
                return version;
            }
        }
        return null;
    }

    public string[] SupportedAt(DateTimeOffset now) => [.. Versions.Where(v => v.IsServedAt(now)).Select(v => v.Name)];
}
