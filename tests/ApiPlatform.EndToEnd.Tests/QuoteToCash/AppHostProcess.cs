using System.Diagnostics;
using System.Net.Sockets;

namespace ApiPlatform.EndToEnd.Tests.QuoteToCash;

/// <summary>
/// The platform as its own process (the AppHost, as <c>dotnet run</c> starts it), on a data folder that outlives it, so a
/// test can kill it by its PID and start it again on the same data.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private AppHostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public static async Task<AppHostProcess> StartAsync(Uri gateway, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ApiPlatform.AppHost.dll"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var host = new AppHostProcess(Process.Start(start)!);
        await host.WaitUntilServingAsync(gateway);
        return host;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would stop it: nothing runs on the way down.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private async Task WaitUntilServingAsync(Uri gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(2) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with {process.ExitCode}: {Tail()}");
            }
            try
            {
                using var response = await http.GetAsync("/catalog/apis");
                if (response.IsSuccessStatusCode && Volatile.Read(ref started))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The AppHost did not serve in 90 s: {Tail()}");
    }

    private bool started;

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.Contains("ApiPlatform is running", StringComparison.Ordinal))
        {
            Volatile.Write(ref started, true);
        }
        lock (output)
        {
            output.Add(line);
            if (output.Count > 200)
            {
                output.RemoveAt(0);
            }
        }
    }

    private string Tail()
    {
        lock (output)
        {
            return string.Join('\n', output.TakeLast(30));
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
    }
}
