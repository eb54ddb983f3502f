using k8s.Models;

namespace ApiPlatform.Deployment.Tests;

/// <summary>Typed views of a rendered overlay.</summary>
internal static class Manifests
{
    public static T Named<T>(this IEnumerable<object> objects, string name) where T : IMetadata<V1ObjectMeta> =>
        objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
            ?? throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} named {name}");

    public static IEnumerable<V1Container> Containers(this IEnumerable<object> objects) =>
        objects.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers)
            .Concat(objects.OfType<V1StatefulSet>().SelectMany(s => s.Spec.Template.Spec.Containers))
            .Concat(objects.OfType<V1Job>().SelectMany(j => j.Spec.Template.Spec.Containers));

    /// <summary>
    /// Every configuration key the container's environment sets, in .NET's notation (<c>Auth__Issuer</c> is
    /// <c>Auth:Issuer</c>), from its own variables and the ConfigMaps it takes whole.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Configuration(this IReadOnlyList<object> objects, V1Container container)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in container.EnvFrom ?? [])
        {
            var map = objects.Named<V1ConfigMap>(source.ConfigMapRef.Name);
            foreach (var (key, value) in map.Data)
            {
                settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }
        foreach (var variable in container.Env ?? [])
        {
            settings[variable.Name.Replace("__", ":", StringComparison.Ordinal)] =
                variable.Value ?? $"secret {variable.ValueFrom.SecretKeyRef.Name}/{variable.ValueFrom.SecretKeyRef.Key}";
        }
        return settings;
    }

    /// <summary>Names of the pods a policy rule's peers select by <c>app.kubernetes.io/name</c>.</summary>
    public static IEnumerable<string> PodNames(this IEnumerable<V1NetworkPolicyPeer>? peers) =>
        (peers ?? []).Select(p => p.PodSelector.AppName()).OfType<string>();

    /// <summary>The <c>app.kubernetes.io/name</c> a selector matches, if it matches one.</summary>
    public static string? AppName(this V1LabelSelector? selector) =>
        selector?.MatchLabels is { } labels && labels.TryGetValue("app.kubernetes.io/name", out var name) ? name : null;
}
