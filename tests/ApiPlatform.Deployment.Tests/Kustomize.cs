using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;

namespace ApiPlatform.Deployment.Tests;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c> (offline) and reads every object as its Kubernetes API model.</summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<object>>> Rendered = new();

    /// <summary>On a machine without kubectl the manifest tests skip; in CI (.ci/run installs it) they fail instead.</summary>
    public static void SkipWithoutKubectl() =>
        Skip.If(Environment.GetEnvironmentVariable("CI") is null && FindKubectl() is null, "kubectl is not installed (apt-get install kubernetes-client)");

    public static IReadOnlyList<object> Overlay(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<IReadOnlyList<object>>(() => Render(Path.Combine(Repository.Root, "k8s", "overlays", o)))).Value;

    public static IReadOnlyList<object> Render(string folder)
    {
        var kubectl = FindKubectl() ?? throw new InvalidOperationException("kubectl is not on PATH");
        var start = new ProcessStartInfo(kubectl, ["kustomize", folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {folder} failed: {error.Result}");
        }
        // Strict: a field the API models do not know (a typo, a wrong level) fails instead of being dropped.
        return KubernetesYaml.LoadAllFromString(output.Result, strict: true);
    }

    private static string? FindKubectl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists);
}
