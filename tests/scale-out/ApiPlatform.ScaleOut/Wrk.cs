using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ApiPlatform.ScaleOut;

/// <summary>What one wrk run reported.</summary>
internal sealed record WrkResult(long Requests, long Non2xx, long SocketErrors, double RequestsPerSecond, string P50, string P99, string Output)
{
    public long Succeeded => Requests - Non2xx;

    public override string ToString() =>
        $"{Requests} requests ({RequestsPerSecond:0} /s, p50 {P50}, p99 {P99}): {Non2xx} non-2xx, {SocketErrors} socket errors";
}

/// <summary>Debian's wrk, run against the load balancer with a bearer token.</summary>
internal static partial class Wrk
{
    /// <summary>
    /// Runs for <paramref name="duration"/>, or until <paramref name="stop"/> is cancelled (wrk stops on SIGINT and reports
    /// what it did until then). With <paramref name="script"/>, a Lua file that chooses each request's path.
    /// </summary>
    public static async Task<WrkResult> RunAsync(
        Uri url, string token, TimeSpan duration, int connections, string? script = null, CancellationToken stop = default)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        var arguments = new List<string>
        {
            "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "--latency", "-H", $"Authorization: Bearer {token}",
        };
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }
        arguments.Add(url.AbsoluteUri);
        arguments.ForEach(start.ArgumentList.Add);
        using var wrk = Process.Start(start)!;
        await using var interrupt = stop.Register(() => _ = Interrupt(wrk.Id, 2));
        var output = await wrk.StandardOutput.ReadToEndAsync(CancellationToken.None);
        await wrk.WaitForExitAsync(CancellationToken.None);
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await wrk.StandardError.ReadToEndAsync(CancellationToken.None)}");
        }

        var requests = long.Parse(Total().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = Socket().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        var rate = double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(requests, non2xx, socket, rate, Percentile(output, "50%"), Percentile(output, "99%"), output);
    }

    private static string Percentile(string output, string which) =>
        Regex.Match(output, $@"^\s*{Regex.Escape(which)}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    // A plain DllImport of blittable arguments: LibraryImport would need unsafe code for this one call.
#pragma warning disable SYSLIB1054
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Interrupt(int pid, int signal);
#pragma warning restore SYSLIB1054

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex Socket();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rate();
}
