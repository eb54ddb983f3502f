using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Messaging.Tests.Processes;

/// <summary>
/// A producing service: writes orders 1..Total, each with its event in the same transaction (resuming after the
/// last committed order when restarted), relays its outbox and prints DONE once the outbox is empty.
/// </summary>
internal static class ProducerProcess
{
    public const string Mode = "producer";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        var chosen = ProofEvents.ParseNumbers(configuration["Proof:Chosen"]);
        var crashFile = configuration["Proof:CrashFile"]!;
        using var host = ProofHost.Build(
            [configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value)],
            messaging => messaging.Publishes<OrderPlaced>(),
            services => services.DecorateTransport((inner, _) => new CrashingTransport(inner, chosen, crashFile)));
        var total = int.Parse(configuration["Proof:Total"]!, System.Globalization.CultureInfo.InvariantCulture);
        int written;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            written = await scope.ServiceProvider.GetRequiredService<ProofDbContext>().Orders.CountAsync();
        }
        for (var number = written + 1; number <= total; number++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<ProofDbContext>();
            database.Orders.Add(new Order { Number = number, Subject = $"order-{number % 50}" });
            scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced($"order-{number % 50}", number, number));
            await database.SaveChangesAsync();
        }
        // Writing first and relaying after keeps the relay's batches full, so the kills stay few and the proof quick.
        await host.StartAsync();
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<ProofDbContext>();
            if (!await database.Set<OutboxMessage>().AnyAsync(o => o.Status == OutboxStatus.Pending))
            {
                break;
            }
            await Task.Delay(50);
        }
        await Console.Out.WriteLineAsync("DONE");
        await host.StopAsync();
        return 0;
    }
}
