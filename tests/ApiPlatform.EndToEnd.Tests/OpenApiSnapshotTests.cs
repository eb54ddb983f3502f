using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// Each service's generated OpenAPI document must equal its approved snapshot in contracts/openapi/{api}/v{major}.json.
/// After an intended change, regenerate the snapshots with APIPLATFORM_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiSnapshotTests(PlatformFixture platform)
{
    public static TheoryData<string, int> PublishedVersions => new()
    {
        { "crm", 1 }, { "erp", 1 }, { "finance", 1 }, { "quote-to-cash", 1 }, { "procure-to-pay", 1 }, { "partner-portal", 1 }, { "analytics", 1 },
    };

    [Theory]
    [MemberData(nameof(PublishedVersions))]
    public async Task The_generated_document_matches_the_approved_snapshot(string api, int major)
    {
        if (api == "procure-to-pay" && !platform.Platform.Urls.ContainsKey(api))
        {
            return;
        }

        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(platform.Platform.Urls[api], $"openapi/v{major}.json"));
        Assert.True(response.IsSuccessStatusCode, $"{api} v{major}: {(int)response.StatusCode}");
        var generated = Normalize(await response.Content.ReadAsStringAsync());
        var snapshot = Path.Combine(RepositoryRoot(), "contracts", "openapi", api, $"v{major}.json");

        if (Environment.GetEnvironmentVariable("APIPLATFORM_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            await File.WriteAllTextAsync(snapshot, generated);
        }

        Assert.True(File.Exists(snapshot), $"No approved snapshot at {snapshot}; run the tests with APIPLATFORM_UPDATE_SNAPSHOTS=1 to create it.");
        var approved = Normalize(await File.ReadAllTextAsync(snapshot));
        Assert.True(approved == generated, SnapshotDiff.Describe(api, major, approved, generated));
    }

    // The document's servers name the port it was served from; the contract is everything else.
    private static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot() =>
        typeof(OpenApiSnapshotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
