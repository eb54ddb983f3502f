using System.Net;
using System.Text.Json;
using ApiPlatform.Messaging.Transports;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.SystemApis.Erp.Tests.Infrastructure;

/// <summary>
/// A subscriber of the test's own: a consumer group on erp's topic of the platform's transport, reading what the outbox
/// relay delivered (CloudEvents) exactly as any other service's consumer would.
/// </summary>
public sealed class ErpEventLog(SystemApiPlatform platform)
{
    private const string Topic = "erp";
    private readonly string group = "erp-tests-" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<JsonElement> delivered = [];

    /// <summary>The events of one subject, in delivery order, once at least <paramref name="atLeast"/> arrived (or after 20 s).</summary>
    public async Task<IReadOnlyList<JsonElement>> OfSubjectAsync(string subject, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await ReadAsync();
            var events = delivered.Where(e => e.GetProperty("subject").GetString() == subject).ToList();
            if (events.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return events;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Everything erp committed so far has left its outbox: what a subject has now is all it will get.</summary>
    public async Task<IReadOnlyList<JsonElement>> AllOfSubjectAsync(string subject)
    {
        using var admin = await platform.ClientAsync("platform-admin", "admin-secret");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await (await admin.GetAsync("/system/erp/messaging/status")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("outboxBacklog").GetInt64() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "erp's outbox was not drained within 20 s");
            await Task.Delay(100);
        }
        await ReadAsync();
        return delivered.Where(e => e.GetProperty("subject").GetString() == subject).ToList();
    }

    private async Task ReadAsync()
    {
        var transport = platform.Platform.Services("erp").GetRequiredService<IMessageTransport>();
        await transport.EnsureGroupAsync(Topic, group, CancellationToken.None);
        while (true)
        {
            var messages = await transport.ReceiveAsync(Topic, group, "test", 500, TimeSpan.FromMinutes(5), CancellationToken.None);
            if (messages.Count == 0)
            {
                return;
            }
            delivered.AddRange(messages.Select(m => JsonDocument.Parse(m.Body).RootElement));
            await transport.AcknowledgeAsync(Topic, group, messages.Select(m => m.Id).ToList(), CancellationToken.None);
        }
    }
}
