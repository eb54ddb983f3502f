using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// Runs a script of tests/portal-browser (Playwright driving Debian's Chromium) against the gateway: check-portal.mjs for the
/// developer portal, check-console.mjs for the operations console. The script prints one JSON line last.
/// </summary>
internal static class PortalBrowserCheck
{
    private const string Chromium = "/usr/bin/chromium";

    public static string RepositoryRoot { get; } =
        typeof(PortalBrowserCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static Task<JsonElement> RunAsync(Uri gateway) => RunAsync("check-portal.mjs", TimeSpan.FromSeconds(90), gateway.AbsoluteUri);

    public static async Task<JsonElement> RunAsync(string script, TimeSpan limit, params string[] arguments)
    {
        var folder = Path.Combine(RepositoryRoot, "tests", "portal-browser");
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); .ci/run installs it.");
        Skip.IfNot(Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core")),
            $"playwright-core is not installed: run npm ci in {folder}; .ci/run does.");

        using var node = Process.Start(new ProcessStartInfo("node", [script, .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(limit);
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"The browser check {script} did not finish within {limit.TotalSeconds:0} s.");
        }

        Assert.True(node.ExitCode == 0, $"the browser check {script} failed ({node.ExitCode}): {await errors}");
        return JsonDocument.Parse((await output).Trim().Split('\n')[^1]).RootElement;
    }
}
