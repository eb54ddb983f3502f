using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Audit;

/// <summary>Where the traffic audit records go (section <c>Gateway:Audit</c>).</summary>
public sealed class AuditLogOptions
{
    public const string Section = "Gateway:Audit";
    public const string StandardOutput = "stdout";
    public const string None = "none";

    /// <summary>
    /// <c>stdout</c> (JSON lines, for the container's log collector), a file path (JSON lines appended), or <c>none</c>
    /// when another logging provider (an OTLP exporter) is the only pipeline the records should take.
    /// </summary>
    [Required]
    public string Output { get; set; } = StandardOutput;

    /// <summary>How often buffered records are written; a record is out at most this long after its response.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Records held while the output is slower than the traffic; beyond it records are counted as dropped.</summary>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = 200_000;
}
