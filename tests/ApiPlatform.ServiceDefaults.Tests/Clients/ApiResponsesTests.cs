using System.Net;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;

namespace ApiPlatform.ServiceDefaults.Tests.Clients;

/// <summary>An API that answers each name with a problem.</summary>
public interface IProblemApi
{
    [Get("/problems/{name}")]
    Task<IApiResponse> GetAsync(string name, CancellationToken cancellationToken);
}

/// <summary><see cref="ApiResponses.Relay"/> against a loopback API whose problems carry extensions of every JSON kind.</summary>
public sealed class ApiResponsesTests : IAsyncLifetime
{
    private WebApplication? server;
    private IProblemApi? api;

    [Fact]
    public async Task Relay_keeps_extensions_that_are_not_strings_as_the_API_wrote_them()
    {
        using var response = await api!.GetAsync("typed", CancellationToken.None);

        var relayed = response.Relay(new Dictionary<string, string> { ["attempts"] = "tries", ["limits"] = "bounds", ["orderId"] = "id" }, HttpStatusCode.Conflict);

        Assert.NotNull(relayed);
        Assert.Equal(409, relayed.StatusCode);
        Assert.Equal("Order exists", relayed.ProblemDetails.Title);
        Assert.Equal("Order o-1 exists.", relayed.ProblemDetails.Detail);
        var extensions = JsonSerializer.SerializeToElement(relayed.ProblemDetails.Extensions);
        Assert.Equal(3, extensions.GetProperty("tries").GetInt32());
        Assert.Equal(10, extensions.GetProperty("bounds").GetProperty("max").GetInt32());
        Assert.Equal("o-1", extensions.GetProperty("id").GetString());
        Assert.False(extensions.TryGetProperty("other", out _));
    }

    [Fact]
    public async Task Relay_answers_its_own_title_when_the_API_wrote_no_text_there()
    {
        using var response = await api!.GetAsync("odd", CancellationToken.None);

        var relayed = response.Relay(new Dictionary<string, string>(), HttpStatusCode.UnprocessableEntity);

        Assert.NotNull(relayed);
        Assert.Equal("The request could not be completed", relayed.ProblemDetails.Title);
        Assert.Equal("The request could not be completed", relayed.ProblemDetails.Detail);
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapGet("/problems/typed", () => Results.Text(
            """{"title":"Order exists","detail":"Order o-1 exists.","attempts":3,"limits":{"max":10},"orderId":"o-1","other":true}""",
            "application/problem+json", statusCode: StatusCodes.Status409Conflict));
        server.MapGet("/problems/odd", () => Results.Text("""{"title":7,"detail":["a"]}""", "application/problem+json", statusCode: StatusCodes.Status422UnprocessableEntity));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api = RestService.For<IProblemApi>(address);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
