using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace ApiPlatform.Contracts;

/// <summary>
/// Text a canonical write may carry: no control characters (C0, DEL, C1) and no bidirectional embeddings, overrides or
/// isolates (U+202A–U+202E, U+2066–U+2069), which make a stored name read differently from what it is. Tab, CR and LF
/// are allowed where text may span lines; a single-line field (a name) refuses them too.
/// </summary>
public static class CanonicalText
{
    public const string Message = "'{0}' must not contain control characters or bidirectional overrides.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static bool IsClean(string? value, bool multiLine = true)
    {
        if (value is null)
        {
            return true;
        }
        foreach (var c in value)
        {
            if (c is '\t' or '\n' or '\r')
            {
                if (!multiLine)
                {
                    return false;
                }
            }
            else if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The paths (as FluentValidation names them, e.g. <c>Lines[0].Description</c>) of every string in a request
    /// record, its nested records and collections that is not clean multi-line text.
    /// </summary>
    public static IReadOnlyList<string> FindUnclean(object request)
    {
        var found = new List<string>();
        Walk(request, "", found, depth: 0);
        return found;
    }

    private static void Walk(object value, string path, List<string> found, int depth)
    {
        if (depth > 8)
        {
            return;
        }
        switch (value)
        {
            case string text:
                if (!IsClean(text))
                {
                    found.Add(path);
                }
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    if (entry.Key is string name && !IsClean(name, multiLine: false))
                    {
                        found.Add(key);
                    }
                    if (entry.Value is not null)
                    {
                        Walk(entry.Value, key, found, depth + 1);
                    }
                }
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        Walk(item, $"{path}[{index}]", found, depth + 1);
                    }
                    index++;
                }
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith(nameof(ApiPlatform), StringComparison.Ordinal) != true)
        {
            return;
        }
        foreach (var property in Properties.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)]))
        {
            if (property.GetValue(value) is { } child)
            {
                Walk(child, path.Length == 0 ? property.Name : $"{path}.{property.Name}", found, depth + 1);
            }
        }
    }
}
