using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Messaging.Tests.Processes;

/// <summary>A consuming service that leaves the chosen events unacknowledged; the test kills it by its PID.</summary>
internal static class ConsumerProcess
{
    public const string Mode = "consumer";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        var chosen = ProofEvents.ParseNumbers(configuration["Proof:Chosen"]);
        using var host = ProofHost.Build(
            [configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value)],
            messaging => messaging.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group),
            services => services.DecorateTransport((inner, _) => new UnacknowledgingTransport(inner, chosen)));
        await host.StartAsync();
        await Console.Out.WriteLineAsync("READY");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
