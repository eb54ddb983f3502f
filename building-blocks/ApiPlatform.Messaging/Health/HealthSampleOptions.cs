namespace ApiPlatform.Messaging.Health;

/// <summary>How often a service publishes its health sample (<c>{section}:SampleInterval</c>, named by the section).</summary>
public sealed class HealthSampleOptions
{
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMinutes(1);
}
