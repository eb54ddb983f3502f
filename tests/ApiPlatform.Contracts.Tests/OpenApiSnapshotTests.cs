using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// The contract gate. Each service's generated OpenAPI document must equal its approved snapshot in
/// contracts/openapi/{api}/v{major}.json, and must not break the published version. After an intended, non-breaking
/// change, regenerate the snapshots with APIPLATFORM_UPDATE_SNAPSHOTS=1 and review the diff; a breaking change is
/// never written: it needs a new major version.
/// </summary>
public sealed class OpenApiSnapshotTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    public static TheoryData<string, int> PublishedVersions => ServicesFixture.PublishedVersions();

    [Theory]
    [MemberData(nameof(PublishedVersions))]
    public async Task The_generated_document_makes_no_breaking_change_to_the_published_version(string api, int major)
    {
        var (published, generated) = await DocumentsAsync(api, major);

        var changes = OpenApiBreakingChanges.Find(JsonNode.Parse(published)!, JsonNode.Parse(generated)!);

        Assert.True(changes.Count == 0,
            $"{api} v{major} breaks its published contract:\n  - {string.Join("\n  - ", changes)}\nA breaking change needs a new major version.");
    }

    [Theory]
    [MemberData(nameof(PublishedVersions))]
    public async Task The_generated_document_matches_the_approved_snapshot(string api, int major)
    {
        var (approved, generated) = await DocumentsAsync(api, major);

        if (Environment.GetEnvironmentVariable("APIPLATFORM_UPDATE_SNAPSHOTS") == "1"
            && OpenApiBreakingChanges.Find(JsonNode.Parse(approved)!, JsonNode.Parse(generated)!).Count == 0)
        {
            await File.WriteAllTextAsync(SnapshotPath(api, major), generated);
            approved = generated;
        }

        Assert.True(approved == generated, SnapshotDiff.Describe(api, major, approved, generated));
    }

    private async Task<(string Snapshot, string Generated)> DocumentsAsync(string api, int major)
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(services.Platform.Urls[api], $"openapi/v{major}.json"));
        Assert.True(response.IsSuccessStatusCode, $"{api} v{major}: {(int)response.StatusCode}");
        var generated = Normalize(await response.Content.ReadAsStringAsync());

        var snapshot = SnapshotPath(api, major);
        if (!File.Exists(snapshot) && Environment.GetEnvironmentVariable("APIPLATFORM_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            await File.WriteAllTextAsync(snapshot, generated);
        }

        Assert.True(File.Exists(snapshot), $"No approved snapshot at {snapshot}; run the tests with APIPLATFORM_UPDATE_SNAPSHOTS=1 to create it.");
        return (Normalize(await File.ReadAllTextAsync(snapshot)), generated);
    }

    private static string SnapshotPath(string api, int major) =>
        Path.Combine(ServicesFixture.RepositoryRoot, "contracts", "openapi", api, $"v{major}.json");

    // The document's servers name the port it was served from; the contract is everything else.
    private static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }
}
