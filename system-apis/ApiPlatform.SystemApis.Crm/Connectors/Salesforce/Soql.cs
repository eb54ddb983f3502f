using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>Safe SOQL: string literals escaped as the SOQL reference requires, ids checked before they are used.</summary>
internal static partial class Soql
{
    [GeneratedRegex("^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^/services/data/v\d{2,3}\.0/query/([A-Za-z0-9]{15,18}-\d{1,9})$")]
    private static partial Regex NextRecordsPattern();

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static string Literal(string value)
    {
        var escaped = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => c.ToString(),
            });
        }
        return escaped.Append('\'').ToString();
    }

    /// <summary>A LIKE pattern for "contains": SOQL's own wildcards in the value are escaped.</summary>
    public static string Contains(string value) =>
        Literal("%" + value.Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%");

    /// <summary>The locator of a <c>nextRecordsUrl</c>, which must point at this org's query resource and nowhere else.</summary>
    public static string? Locator(string? nextRecordsUrl) =>
        nextRecordsUrl is not null && NextRecordsPattern().Match(nextRecordsUrl) is { Success: true } match ? match.Groups[1].Value : null;

    public static string Where(params string?[] conditions)
    {
        var present = conditions.Where(c => c is not null).ToList();
        return present.Count == 0 ? "" : " WHERE " + string.Join(" AND ", present);
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();

    /// <summary>A Salesforce dateTime (<c>2026-11-02T09:15:00.000+0000</c>) in UTC.</summary>
    public static DateTimeOffset? Timestamp(string? value) =>
        value is not null && DateTimeOffset.TryParse(CompactOffset().Replace(value, "$1:$2"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
}
