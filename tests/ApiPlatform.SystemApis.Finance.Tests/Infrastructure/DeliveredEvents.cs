using System.Text.Json;
using ApiPlatform.AppHost;
using ApiPlatform.Messaging.Transports;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

/// <summary>
/// What the outbox relay delivered on the <c>finance</c> topic of the platform's event transport, read by a consumer group of
/// the test's own, which starts at the oldest retained event: the CloudEvents as any subscriber receives them.
/// </summary>
public sealed class DeliveredEvents(PlatformHost platform)
{
    private const string Topic = "finance";
    private readonly string group = $"test-{Guid.NewGuid():N}";
    private readonly List<JsonElement> received = [];

    public IReadOnlyList<JsonElement> Received => received;

    /// <summary>Reads until an event of <paramref name="type"/> matches, and returns it; fails after 20 seconds.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool> data)
    {
        var transport = platform.Services("finance").GetRequiredService<IMessageTransport>();
        await transport.EnsureGroupAsync(Topic, group, default);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (received.FirstOrDefault(e => e.GetProperty("type").GetString() == type && data(e.GetProperty("data"))) is { ValueKind: JsonValueKind.Object } match)
            {
                return match;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no {type} was delivered that matches; received: {string.Join(", ", received.Select(e => e.GetProperty("type")))}");
            var batch = await transport.ReceiveAsync(Topic, group, "test", 200, TimeSpan.FromMinutes(10), default);
            if (batch.Count == 0)
            {
                await Task.Delay(100);
                continue;
            }
            received.AddRange(batch.Select(m => JsonDocument.Parse(m.Body).RootElement.Clone()));
            await transport.AcknowledgeAsync(Topic, group, batch.Select(m => m.Id).ToList(), default);
        }
    }

    /// <summary>The received events of <paramref name="type"/> whose data matches.</summary>
    public IReadOnlyList<JsonElement> Of(string type, Func<JsonElement, bool> data) =>
        received.Where(e => e.GetProperty("type").GetString() == type && data(e.GetProperty("data"))).ToList();
}
