namespace ApiPlatform.Catalog;

/// <summary>The validated API catalog: every API with its versions, and every consumer.</summary>
public sealed class ApiCatalog(IReadOnlyList<ApiDefinition> apis, IReadOnlyList<ConsumerDefinition> consumers)
{
    public const string PlatformAdminScope = "platform:admin";

    public IReadOnlyList<ApiDefinition> Apis { get; } = apis;
    public IReadOnlyList<ConsumerDefinition> Consumers { get; } = consumers;

    public ApiDefinition? FindApi(string name) =>
        Apis.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public ConsumerDefinition? FindConsumer(string clientId) =>
        Consumers.FirstOrDefault(c => c.ClientId == clientId);
}
