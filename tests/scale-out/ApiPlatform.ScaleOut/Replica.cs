using System.Diagnostics;


namespace ApiPlatform.ScaleOut;

/// <summary>One process of a service, started from the service's own build output as <c>dotnet Service.dll</c> in its project folder.</summary>
internal sealed class Replica
{
    private readonly string dll;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string logPath;
    private Process? process;

    public Replica(string service, int index, int port, string dll, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        Service = service;
        Index = index;
        Port = port;
        this.dll = dll;
        this.environment = environment;
        logPath = Path.Combine(logFolder, $"{service}-{index}.log");
    }

    public string Service { get; }

    public int Index { get; }

    public int Port { get; }

    public string Name => $"{Service}#{Index}";

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Runs the service once with <c>Database:MigrateOnly</c> (what its Kubernetes Job does) and waits for it to exit.</summary>
    public static async Task MigrateAsync(string service, string dll, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        var settings = new Dictionary<string, string>(environment) { ["Database__MigrateOnly"] = "true" };
        using var run = Start(dll, settings, Path.Combine(logFolder, $"{service}-migrate.log"));
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{service}: the migrate-only run exited {run.ExitCode} (see {logFolder}/{service}-migrate.log)");
        }
    }

    public void Start()
    {
        var settings = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}" };
        process = Start(dll, settings, logPath);
    }

    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} (see {logPath})");
            }
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name} was not ready in {timeout.TotalSeconds} s (see {logPath})");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: the process dies with whatever it had in flight.</summary>
    public void Kill()
    {
        process?.Kill();
        process?.WaitForExit();
    }

    /// <summary>
    /// SIGTERM, as Kubernetes stops a pod: the host says it is not ready, keeps serving for its drain delay, stops taking
    /// connections and finishes what is in flight. Answers when readiness was first seen failing while the process still
    /// answered (null if never seen) and when it exited.
    /// </summary>
    public async Task<(TimeSpan? NotReady, TimeSpan Exited)> TerminateAsync(HttpClient http, TimeSpan timeout)
    {
        if (process is null || process.HasExited)
        {
            return (null, TimeSpan.Zero);
        }
        var clock = Stopwatch.StartNew();
        _ = SendSignal(process.Id, 15);
        TimeSpan? notReady = null;
        var exited = process.WaitForExitAsync();
        while (!exited.IsCompleted && notReady is null && clock.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/health/ready"));
                if (!response.IsSuccessStatusCode)
                {
                    notReady = clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                break;
            }
            catch (TaskCanceledException)
            {
                // Too busy to answer within the probe's timeout: ask again.
            }
            await Task.Delay(50);
        }
        try
        {
            await exited.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw new InvalidOperationException($"{Name} did not stop within {timeout.TotalSeconds} s of SIGTERM");
        }
        return (notReady, clock.Elapsed);
    }

    private static Process Start(string dll, IReadOnlyDictionary<string, string> settings, string log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder, as `dotnet run` does: a service's appsettings*.json stay there (Directory.Build.targets).
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.Exited += (_, _) => writer.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process has exited.
            }
        }
    }

    // A plain DllImport of blittable arguments: LibraryImport would need unsafe code for this one call.
#pragma warning disable SYSLIB1054
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
