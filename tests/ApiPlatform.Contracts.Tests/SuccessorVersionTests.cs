using System.Text.Json.Nodes;
using ApiPlatform.Catalog;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// A new major version is justified only by changes its predecessor could not take: the breaking-change gate, applied
/// from each version to its successor (the predecessor's paths read at the successor's major), must find some.
/// </summary>
public sealed class SuccessorVersionTests
{
    public static TheoryData<string, int, int> Successions()
    {
        var catalog = CatalogLoader.Load(Path.Combine(ServicesFixture.RepositoryRoot, "contracts", "catalog"));
        var data = new TheoryData<string, int, int>();
        foreach (var api in catalog.Apis)
        {
            foreach (var version in api.Versions.Where(v => v.Successor is not null && v.ParsedStatus is VersionStatus.Active or VersionStatus.Deprecated))
            {
                data.Add(api.Name, version.Major, version.Successor!.Value);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Successions))]
    public void The_gate_finds_breaking_changes_from_a_version_to_its_successor(string api, int major, int successor)
    {
        var changes = Changes(api, major, successor);

        Assert.True(changes.Count > 0, $"{api} v{successor} could have been an additive change to v{major}: the gate finds no breaking change.");
    }

    [Fact]
    public void Partner_portal_v2_reshapes_the_order_around_the_process_which_v1_callers_could_not_take()
    {
        var changes = Changes("partner-portal", 1, 2);

        // The order's status names the process's stages: v1's values are gone.
        Assert.Contains("GET /v2/orders/{id} response 200.status: enum value \"Running\" was removed", changes);
        Assert.Contains("GET /v2/orders/{id} response 200.status: enum value \"Completed\" was removed", changes);
        // The timeline tells business outcomes only, and the undone steps have their own name.
        Assert.Contains("GET /v2/orders/{id} response 200.timeline[]: property attempts was removed", changes);
        Assert.Contains("GET /v2/orders/{id} response 200.timeline[]: property lastError was removed", changes);
        Assert.Contains("GET /v2/orders/{id} response 200: property compensations was removed", changes);
        // Ordering a quote answers the v2 order too.
        Assert.Contains("POST /v2/quotes/{quoteId}/order response 202.status: enum value \"Completed\" was removed", changes);
        // Nothing v1 served is missing from v2: quotes, ordering and orders are all still there.
        Assert.DoesNotContain(changes, c => c.StartsWith("removed ", StringComparison.Ordinal));
    }

    private static List<string> Changes(string api, int major, int successor)
    {
        var published = Load(api, major);
        var paths = published["paths"]!.AsObject();
        var rebased = new JsonObject();
        foreach (var (path, item) in paths.ToList())
        {
            paths.Remove(path);
            rebased[$"/v{successor}" + path[$"/v{major}".Length..]] = item;
        }
        published["paths"] = rebased;
        return OpenApiBreakingChanges.Find(published, Load(api, successor)).ToList();
    }

    private static JsonNode Load(string api, int major) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ServicesFixture.RepositoryRoot, "contracts", "openapi", api, $"v{major}.json")))!;
}
