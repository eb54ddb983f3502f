using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>Runs tests/portal-browser/check-portal.mjs (Playwright driving Debian's Chromium) against the gateway.</summary>
internal static class PortalBrowserCheck
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<JsonElement> RunAsync(Uri gateway)
    {
        var root = typeof(PortalBrowserCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var folder = Path.Combine(root, "tests", "portal-browser");
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); .ci/run installs it.");
        Skip.IfNot(Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core")),
            $"playwright-core is not installed: run npm ci in {folder}; .ci/run does.");

        using var node = Process.Start(new ProcessStartInfo("node", ["check-portal.mjs", gateway.AbsoluteUri])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("The browser check did not finish within 90 s.");
        }

        Assert.True(node.ExitCode == 0, $"the browser check failed ({node.ExitCode}): {await errors}");
        return JsonDocument.Parse((await output).Trim().Split('\n')[^1]).RootElement;
    }
}
