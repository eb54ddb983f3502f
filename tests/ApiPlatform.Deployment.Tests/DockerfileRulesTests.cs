using System.Text.RegularExpressions;

namespace ApiPlatform.Deployment.Tests;

/// <summary>
/// No container engine runs here, so the rules every image must follow are checked on the Dockerfiles themselves
/// (tests/docker/simulate-build.sh runs their build stages without one).
/// </summary>
public sealed partial class DockerfileRulesTests
{
    [GeneratedRegex(@"^[a-z0-9./-]+:\d+\.\d+\.\d+[a-z0-9.-]*$")]
    private static partial Regex PinnedImage();

    public static TheoryData<string> Deployables => Repository.DeployableNames;

    private static Dockerfile For(string service) =>
        Dockerfile.Read(Path.Combine(Repository.Root, Repository.ProjectFolder(Repository.Deployable(service)), "Dockerfile"));

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Every_deployable_builds_in_one_stage_and_runs_in_another_from_pinned_images(string service)
    {
        var dockerfile = For(service);

        Assert.True(dockerfile.Stages.Count >= 2, $"{dockerfile.Path}: a multi-stage build");
        Assert.All(dockerfile.Stages, stage => Assert.Matches(PinnedImage(), stage.Image));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", dockerfile.Stages[0].Image, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void The_image_that_runs_has_no_sdk_and_a_non_root_user(string service)
    {
        var final = For(service).Final;

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", final.Image, StringComparison.Ordinal);
        Assert.DoesNotContain(final.All("RUN"), run => run.Contains("dotnet", StringComparison.Ordinal));
        var user = Assert.Single(final.All("USER"));
        Assert.True(int.TryParse(user.Split(':')[0], out var uid) && uid > 0, $"USER {user}: a numeric, non-root user id");
        var entrypoint = Assert.Single(final.All("ENTRYPOINT"));
        Assert.Equal($"[\"dotnet\", \"{Repository.Deployable(service).Assembly.GetName().Name}.dll\"]", entrypoint);
        Assert.All(final.All("COPY"), copy => Assert.StartsWith("--from=", copy, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void The_build_stage_copies_every_project_the_service_references(string service)
    {
        var folder = Repository.ProjectFolder(Repository.Deployable(service));
        var copied = For(service).Stages[0].All("COPY").SelectMany(c => c.Split(' ')[..^1]).Select(p => p.TrimEnd('/')).ToList();

        Assert.All(Repository.ProjectClosure(folder), project =>
            Assert.True(copied.Any(c => project == c || project.StartsWith(c + "/", StringComparison.Ordinal)), $"{project} is not copied"));
        Assert.Contains("Directory.Packages.props", copied);
        Assert.Contains("nuget.config", copied);
    }

    [Fact]
    public void The_gateway_image_carries_the_gc_settings_the_benchmark_recommends()
    {
        var environment = string.Join(' ', For("gateway").Final.All("ENV"));

        // docs/benchmark.md: the gen1 budget is read from the environment only (gen0 and the GC mode come from the runtimeconfig).
        Assert.Contains("DOTNET_GCGen1MaxBudget=400000", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_local_data_and_the_git_folder()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "**/.data/", ".git/", "**/node_modules/" }, ignored);
    }
}
