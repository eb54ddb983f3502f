using ApiPlatform.Workflows.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Workflows:LeaseDuration", "00:00:00.500", "LeaseDuration")]
    [InlineData("Workflows:PollInterval", "00:00:00.001", "PollInterval")]
    [InlineData("Workflows:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Workflows:MaxConcurrency", "1000", "MaxConcurrency")]
    public async Task A_bad_setting_stops_the_service_at_start_naming_its_key(string key, string value, string named)
    {
        using var directory = new TempDirectory();
        using var host = WorkflowHost.Build([new Dictionary<string, string?>
        {
            ["Proof:Provider"] = TestDatabase.Sqlite,
            ["Proof:ConnectionString"] = $"Data Source={directory.File("s.db")}",
            ["System:Url"] = "http://127.0.0.1:9/",
            ["Messaging:EmbeddedConnectionString"] = $"Data Source={directory.File("t.db")}",
            [key] = value,
        }]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
