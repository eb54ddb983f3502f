using System.Reflection;
using ApiPlatform.AppHost;

namespace ApiPlatform.Deployment.Tests;

/// <summary>The repository these tests were built from, and its deployables.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Every service the platform deploys (the AppHost's list), by name.</summary>
    public static IEnumerable<ServiceDefinition> Deployables => PlatformServices.All;

    public static TheoryData<string> DeployableNames => [.. Deployables.Select(s => s.Name)];

    public static ServiceDefinition Deployable(string name) => Deployables.Single(s => s.Name == name);

    /// <summary>The folder of a service's project, relative to the root (where its Dockerfile lives).</summary>
    public static string ProjectFolder(ServiceDefinition service) => ProjectFolder(service.Assembly.GetName().Name!);

    public static string ProjectFolder(string projectName)
    {
        var project = Directory.EnumerateFiles(Root, projectName + ".csproj", SearchOption.AllDirectories)
            .Single(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return Path.GetRelativePath(Root, Path.GetDirectoryName(project)!).Replace('\\', '/');
    }

    /// <summary>The project folders a project needs to build: itself and every project it references, transitively.</summary>
    public static SortedSet<string> ProjectClosure(string projectFolder)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([projectFolder]);
        while (pending.TryPop(out var folder))
        {
            if (!found.Add(folder))
            {
                continue;
            }
            var project = Directory.GetFiles(Path.Combine(Root, folder), "*.csproj").Single();
            foreach (var reference in System.Xml.Linq.XDocument.Load(project).Descendants("ProjectReference"))
            {
                var path = reference.Attribute("Include")!.Value.Replace("$(RepoRoot)", "", StringComparison.Ordinal);
                pending.Push(Path.GetDirectoryName(path)!.Replace('\\', '/'));
            }
        }
        return found;
    }
}
