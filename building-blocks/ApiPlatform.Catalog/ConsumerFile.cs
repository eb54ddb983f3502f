namespace ApiPlatform.Catalog;

internal sealed class ConsumerFile
{
    public List<ConsumerDefinition> Consumers { get; set; } = [];
}
