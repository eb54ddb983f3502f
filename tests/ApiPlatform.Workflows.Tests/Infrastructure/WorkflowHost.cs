using ApiPlatform.Messaging;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refit;

namespace ApiPlatform.Workflows.Tests.Infrastructure;

/// <summary>
/// A process API's host as a real one would be built (one <c>AddMessaging</c>, one <c>AddWorkflows</c>), with quick test
/// timings. Settings: <c>Proof:Provider</c>, <c>Proof:ConnectionString</c>, <c>System:Url</c>, <c>System:Replica</c>.
/// </summary>
public static class WorkflowHost
{
    public static readonly IReadOnlyDictionary<string, string?> QuickTimings = new Dictionary<string, string?>
    {
        ["Messaging:Source"] = "/workflow-tests",
        ["Messaging:Outbox:PollInterval"] = "00:00:00.100",
        ["Workflows:PollInterval"] = "00:00:00.020",
        ["Workflows:LeaseDuration"] = "00:00:03",
        ["Workflows:RetryBaseDelay"] = "00:00:00.010",
        ["Workflows:RetryMaxDelay"] = "00:00:00.100",
        ["Workflows:MonitorInterval"] = "00:00:01",
    };

    /// <param name="services">Runs before the workflows are added, so a test's <see cref="TimeProvider"/> takes precedence.</param>
    public static IHost Build(IEnumerable<IReadOnlyDictionary<string, string?>> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(QuickTimings);
        foreach (var layer in settings)
        {
            builder.Configuration.AddInMemoryCollection(layer);
        }
        var configuration = builder.Configuration;
        services?.Invoke(builder.Services);
        builder.Services.AddDbContext<TestDbContext>(options =>
            TestDatabase.Configure(options, configuration["Proof:Provider"]!, configuration["Proof:ConnectionString"]!));
        builder.Services.AddSingleton<StepProbe>();
        builder.Services.AddRefitGeneratedClient<ISystemOfRecordApi>().ConfigureHttpClient(http =>
        {
            http.BaseAddress = new Uri(configuration["System:Url"]!);
            if (configuration["System:Replica"] is { Length: > 0 } replica)
            {
                http.DefaultRequestHeaders.Add("X-Replica", replica);
            }
        });
        builder.AddMessaging<TestDbContext>(m => m.Publishes<WorkflowTransitioned>());
        builder.AddWorkflows<TestDbContext>(w => w.Runs<OrderWorkflow, OrderState>().Runs<ApprovalWorkflow, ApprovalState>());
        return builder.Build();
    }
}
