using System.Diagnostics;
using System.Threading.Channels;

namespace ApiPlatform.Workflows.Tests.Proofs;

/// <summary>This test assembly started as a separate runner process (see Program), killed by its PID when the test says.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly Channel<string> errors = Channel.CreateUnbounded<string>();

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Writer.TryWrite(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public static ChildProcess Start(string mode, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(mode);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        return new ChildProcess(Process.Start(start)!);
    }

    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await lines.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var stderr = new List<string>();
            while (errors.Reader.TryRead(out var line))
            {
                stderr.Add(line);
            }
            throw new TimeoutException($"Process {Id} printed nothing within {timeout} (exited: {process.HasExited}): {string.Join('\n', stderr)}");
        }
    }

    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Kills the process by its PID, as an OOM killer or a node failure would: no shutdown, no flush.</summary>
    public void Kill()
    {
        using var byPid = Process.GetProcessById(process.Id);
        byPid.Kill();
        process.WaitForExit();
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
