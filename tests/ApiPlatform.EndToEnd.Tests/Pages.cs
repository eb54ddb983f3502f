using System.Net;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// Reads every page of a list. The suite shares one platform, so a list grows with every test that ran before: a test
/// that looks for its own item reads all pages, never only the first (a first page of 200 held the item only while the
/// suite had made fewer than 200 of them).
/// </summary>
internal static class Pages
{
    private const int PageSize = 200;

    /// <param name="stopAfter">Stop once this many items were read (for a list that is newest first).</param>
    public static async Task<List<JsonElement>> AllItemsAsync(this HttpClient client, string path, int stopAfter = int.MaxValue)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var all = new List<JsonElement>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await (await client.GetAsync($"{path}{separator}offset={offset}&limit={PageSize}")).AssertJsonAsync(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count < PageSize || all.Count >= stopAfter)
            {
                return all;
            }
        }
    }
}
