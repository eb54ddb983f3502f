using System.Diagnostics;
using System.Text;

namespace ApiPlatform.ScaleOut;

/// <summary>
/// HAProxy as the load balancer: the public address in front of the gateways, and one address per service in front of
/// its replicas (what a Kubernetes Service is). It probes every replica's <c>/health/ready</c> every 500 ms and takes it
/// out after two failures, as a readiness probe does: a replica that says it is stopping gets no new request within
/// about a second, while it still serves for its drain delay (3 s here). Each service has two slots (ports); a service with one replica starts its successor on the free slot.
/// The configuration never changes while the proof runs: no reload can cut a connection.
/// </summary>
internal sealed class HaProxy(string folder, int publicPort, IReadOnlyDictionary<string, int> servicePorts)
{
    private readonly string config = Path.Combine(folder, "haproxy.cfg");
    private readonly string pidFile = Path.Combine(folder, "haproxy.pid");

    /// <summary>How long after a replica is ready HAProxy has seen it up (two passing probes, 500 ms apart), with a margin.</summary>
    public static readonly TimeSpan SeesChange = TimeSpan.FromMilliseconds(1500);

    public async Task StartAsync(IReadOnlyDictionary<string, int[]> slots)
    {
        var text = new StringBuilder();
        text.AppendLine("global");
        text.AppendLine("  maxconn 8192");
        text.AppendLine("defaults");
        text.AppendLine("  mode http");
        text.AppendLine("  timeout connect 2s");
        text.AppendLine("  timeout client 120s");
        text.AppendLine("  timeout server 120s");
        text.AppendLine("  timeout http-keep-alive 30s");
        text.AppendLine("  option http-keep-alive");
        text.AppendLine("  option forwardfor");
        // A connection refused (a replica killed a moment ago) is tried again on another replica: nothing was sent.
        text.AppendLine("  retries 3");
        text.AppendLine("  option redispatch 1");
        // A probe may be slow on a busy machine: one slow answer does not take the only replica of a service out.
        text.AppendLine("  timeout check 2s");
        text.AppendLine("  default-server inter 500ms fall 2 rise 2");
        foreach (var (service, ports) in slots)
        {
            var port = service == "gateway" ? publicPort : servicePorts[service];
            text.AppendLine($"frontend {service}-in");
            text.AppendLine($"  bind 127.0.0.1:{port}");
            text.AppendLine($"  default_backend {service}");
            text.AppendLine($"backend {service}");
            text.AppendLine("  option httpchk GET /health/ready");
            text.AppendLine("  http-check expect status 200");
            for (var i = 0; i < ports.Length; i++)
            {
                text.AppendLine($"  server slot{i + 1} 127.0.0.1:{ports[i]} check");
            }
        }
        await File.WriteAllTextAsync(config, text.ToString());

        var start = new ProcessStartInfo("haproxy") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-f", config, "-D", "-p", pidFile, "-q" })
        {
            start.ArgumentList.Add(argument);
        }
        using var haproxy = Process.Start(start)!;
        var error = await haproxy.StandardError.ReadToEndAsync();
        await haproxy.WaitForExitAsync();
        if (haproxy.ExitCode != 0)
        {
            throw new InvalidOperationException($"haproxy did not start: {error}");
        }
    }

    public void Stop()
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }
}
