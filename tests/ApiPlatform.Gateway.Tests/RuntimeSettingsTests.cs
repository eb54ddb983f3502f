using System.Text.Json;

namespace ApiPlatform.Gateway.Tests;

/// <summary>
/// The memory settings the gateway ships with are in its runtimeconfig (what a published build runs with), not left to
/// the environment: docs/benchmark.md measures the gateway as published.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_gateway_runtimeconfig_carries_its_gc_and_tiering_settings()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ApiPlatform.Gateway.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(6 * 1024 * 1024, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt32());
        Assert.Equal(1000, properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());
    }
}
