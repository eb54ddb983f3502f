using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Messaging.Tests.Infrastructure;
using ApiPlatform.Messaging.Tests.Proofs;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Tests.Admin;

public sealed class MessagingAdminApiTests : IAsyncLifetime
{
    private const string Placed = "proof.order.placed.v1";
    private AdminHost host = null!;

    public async Task InitializeAsync() => host = await AdminHost.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_operations_api_requires_the_platform_admin_scope()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/messaging/dead-letters", token: null)).StatusCode);
        var serviceToken = host.Token("proof", "system:proof");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "/messaging/dead-letters", token: serviceToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/messaging/dead-letters")).StatusCode);
    }

    [Fact]
    public async Task Dead_letters_are_listed_by_type_group_and_age_and_shown_one_by_one()
    {
        var old = await host.AddDeadLetterAsync(1, Placed, TimeSpan.FromHours(2));
        await host.AddDeadLetterAsync(2, "proof.order.cancelled.v1", TimeSpan.FromMinutes(5));
        await host.AddDeadLetterAsync(3, Placed, TimeSpan.FromMinutes(1), group: "other-group");

        Assert.Equal(3, (await ListAsync("")).Length);
        Assert.Equal([1L, 3L], (await ListAsync($"?type={Placed}")).Select(Number).Order());
        Assert.Equal([1L, 2L], (await ListAsync($"?group={RecordEffect.Group}")).Select(Number).Order());
        Assert.Equal([1L], (await ListAsync("?minAge=01:00:00")).Select(Number));
        Assert.Equal([3L, 2L], (await ListAsync("?maxAge=00:10:00")).Select(Number));

        var detail = await JsonAsync(await SendAsync(HttpMethod.Get, $"/messaging/dead-letters/{old}"));
        Assert.Contains("boom", detail.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("event-1", detail.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal(5, detail.GetProperty("summary").GetProperty("attempts").GetInt32());
        var missing = await SendAsync(HttpMethod.Get, "/messaging/dead-letters/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_replayed_dead_letter_is_applied_once_however_often_it_is_replayed()
    {
        var id = await host.AddDeadLetterAsync(7, Placed, TimeSpan.FromMinutes(3));

        var first = await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/replay");
        var second = await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/replay");
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, (await JsonAsync(second)).GetProperty("summary").GetProperty("replayCount").GetInt32());
        Assert.True(await Waiting.UntilAsync(async () => await StatusAsync(id) == "Replayed", TimeSpan.FromSeconds(20)));
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/replay")).StatusCode);
        await Task.Delay(500);

        await using var database = host.Database.CreateContext();
        Assert.Equal(1, await database.Effects.CountAsync(e => e.Number == 7));
        Assert.Equal("Replayed", await StatusAsync(id));
    }

    [Fact]
    public async Task Many_dead_letters_are_replayed_by_filter()
    {
        await host.AddDeadLetterAsync(11, Placed, TimeSpan.FromMinutes(3));
        await host.AddDeadLetterAsync(12, Placed, TimeSpan.FromMinutes(3));
        await host.AddDeadLetterAsync(13, "proof.order.cancelled.v1", TimeSpan.FromMinutes(3));

        var result = await SendAsync(HttpMethod.Post, "/messaging/dead-letters/replay", new { type = Placed });

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal(2, (await JsonAsync(result)).GetProperty("requested").GetInt32());
        Assert.Equal(0, (await JsonAsync(await SendAsync(HttpMethod.Post, "/messaging/dead-letters/replay", new { type = Placed }))).GetProperty("requested").GetInt32());
    }

    [Fact]
    public async Task A_dead_letter_is_discarded_with_a_reason_once_and_can_then_no_longer_be_replayed()
    {
        var id = await host.AddDeadLetterAsync(21, Placed, TimeSpan.FromMinutes(3));

        var noReason = await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/discard", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("Reason", out _));

        var discarded = await JsonAsync(await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/discard", new { reason = "customer deleted" }));
        Assert.Equal("Discarded", discarded.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("customer deleted", discarded.GetProperty("discardReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/replay")).StatusCode);
        var again = await JsonAsync(await SendAsync(HttpMethod.Post, $"/messaging/dead-letters/{id}/discard", new { reason = "again" }));
        Assert.Equal("customer deleted", again.GetProperty("discardReason").GetString());
    }

    [Fact]
    public async Task The_status_shows_each_groups_lag_and_open_dead_letters()
    {
        await host.AddDeadLetterAsync(31, Placed, TimeSpan.FromMinutes(3));

        var status = await JsonAsync(await SendAsync(HttpMethod.Get, "/messaging/status"));

        var group = Assert.Single(status.GetProperty("groups").EnumerateArray());
        Assert.Equal((RecordEffect.Group, "proof", 1), (group.GetProperty("group").GetString(), group.GetProperty("topic").GetString(),
            group.GetProperty("openDeadLetters").GetInt32()));
        Assert.Equal(0, status.GetProperty("outboxBacklog").GetInt32());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = "admin")
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "admin" ? host.AdminToken : token);
        }
        return await host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement[]> ListAsync(string query) =>
        (await JsonAsync(await SendAsync(HttpMethod.Get, "/messaging/dead-letters" + query))).EnumerateArray().ToArray();

    private async Task<string?> StatusAsync(long id) =>
        (await JsonAsync(await SendAsync(HttpMethod.Get, $"/messaging/dead-letters/{id}"))).GetProperty("summary").GetProperty("status").GetString();

    private static long Number(JsonElement letter) => long.Parse(letter.GetProperty("eventId").GetString()!["event-".Length..], System.Globalization.CultureInfo.InvariantCulture);
}
