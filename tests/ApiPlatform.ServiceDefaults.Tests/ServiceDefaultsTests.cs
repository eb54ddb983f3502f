using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ServiceDefaults.Tests;

public sealed class ServiceDefaultsTests
{
    [Fact]
    public async Task Invalid_input_is_a_400_problem_with_field_errors()
    {
        await using var host = await ServiceHost.StartAsync("Production");

        var response = await host.Client.PostAsJsonAsync("/v1/greetings", new { name = "far too long a name" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.EndsWith("/problems/validation", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _));
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals_outside_development()
    {
        await using var host = await ServiceHost.StartAsync("Production");

        var response = await host.Client.GetAsync("/v1/boom");

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret internals", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task In_development_an_unexpected_error_shows_its_details()
    {
        await using var host = await ServiceHost.StartAsync("Development");

        var problem = await ProblemAsync(await host.Client.GetAsync("/v1/boom"), HttpStatusCode.InternalServerError);

        Assert.Contains("secret internals", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Outside_development_the_token_server_is_reached_over_https_only(string? allowPlainHttp)
    {
        await using var host = await ServiceHost.StartAsync("Production", PlainHttpAuthority(allowPlainHttp));

        var error = Assert.Throws<InvalidOperationException>(() => JwtBearer(host));

        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Development", null)]
    public async Task Plain_http_to_the_token_server_needs_development_or_the_cluster_setting(string environment, string? allowPlainHttp)
    {
        await using var host = await ServiceHost.StartAsync(environment, PlainHttpAuthority(allowPlainHttp));

        Assert.False(JwtBearer(host).RequireHttpsMetadata);
    }

    [Theory]
    [InlineData("Production", "json")]
    [InlineData("Staging", "json")]
    [InlineData("Development", null)]
    public async Task Console_logs_are_json_outside_development(string environment, string? formatter)
    {
        await using var host = await ServiceHost.StartAsync(environment);

        Assert.Equal(formatter, host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    private static Dictionary<string, string?> PlainHttpAuthority(string? allowPlainHttp) =>
        new() { ["Auth:Authority"] = "http://identity:8080/", ["Auth:AllowPlainHttp"] = allowPlainHttp };

    private static JwtBearerOptions JwtBearer(ServiceHost host) =>
        host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

    [Fact]
    public async Task A_protected_endpoint_without_a_token_is_a_401_problem()
    {
        await using var host = await ServiceHost.StartAsync("Production");

        var problem = await ProblemAsync(await host.Client.GetAsync("/v1/protected"), HttpStatusCode.Unauthorized);

        Assert.EndsWith("/problems/unauthorized", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_served_in_every_environment_and_the_correlation_id_is_echoed()
    {
        await using var host = await ServiceHost.StartAsync("Production");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "abc-123");

        var live = await host.Client.SendAsync(request);
        var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("abc-123", live.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task On_stop_readiness_fails_first_while_requests_are_still_served_then_the_listener_stops()
    {
        await using var host = await ServiceHost.StartAsync("Production", new Dictionary<string, string?> { ["Shutdown:DrainDelay"] = "00:00:02" });
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/ready")).StatusCode);

        var stopping = host.StopAsync();
        await Task.Delay(300);

        // Draining: not ready, but still answering (a load balancer that has not noticed yet loses nothing).
        Assert.False(stopping.IsCompleted);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/live")).StatusCode);

        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<HttpRequestException>(() => host.Client.GetAsync("/health/live"));
    }

    [Fact]
    public async Task A_correlation_id_that_could_smuggle_content_into_logs_is_replaced()
    {
        await using var host = await ServiceHost.StartAsync("Production");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "evil\u001b[31m id");

        var response = await host.Client.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.DoesNotContain("evil", echoed, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    [Fact]
    public async Task The_openapi_document_of_each_version_is_served_without_a_token()
    {
        await using var host = await ServiceHost.StartAsync("Production");

        var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/greetings", out _));
        Assert.Equal("1", document.GetProperty("info").GetProperty("version").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
