using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ApiPlatform.Catalog;

/// <summary>Reads <c>apis/*.yaml</c> and <c>consumers.yaml</c> from a catalog folder and validates them.</summary>
public static class CatalogLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Loads and validates the catalog; throws <see cref="CatalogValidationException"/> listing every problem.</summary>
    public static ApiCatalog Load(string catalogDirectory)
    {
        var errors = new List<string>();
        var apisDirectory = Path.Combine(catalogDirectory, "apis");
        if (!Directory.Exists(apisDirectory))
        {
            throw new CatalogValidationException([$"{apisDirectory}: folder not found"]);
        }

        var apis = new List<ApiDefinition>();
        foreach (var file in Directory.EnumerateFiles(apisDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var label = "apis/" + Path.GetFileName(file);
            if (Read<ApiDefinition>(file, label, errors) is { } api)
            {
                errors.AddRange(CatalogValidator.ValidateApi(api, Path.GetFileNameWithoutExtension(file)).Select(e => $"{label}: {e}"));
                apis.Add(api);
            }
        }

        var consumersFile = Path.Combine(catalogDirectory, "consumers.yaml");
        var consumers = File.Exists(consumersFile)
            ? Read<ConsumerFile>(consumersFile, "consumers.yaml", errors)?.Consumers ?? []
            : [];
        if (!File.Exists(consumersFile))
        {
            errors.Add("consumers.yaml: file not found");
        }

        errors.AddRange(CatalogValidator.ValidateCatalog(apis, consumers));
        return errors.Count > 0 ? throw new CatalogValidationException(errors) : new ApiCatalog(apis, consumers);
    }

    private static T? Read<T>(string file, string label, List<string> errors) where T : class
    {
        try
        {
            var result = Yaml.Deserialize<T>(File.ReadAllText(file));
            if (result is null)
            {
                errors.Add($"{label}: the file is empty");
            }
            return result;
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            errors.Add($"{label} (line {ex.Start.Line}, column {ex.Start.Column}): {reason}");
            return null;
        }
    }
}
