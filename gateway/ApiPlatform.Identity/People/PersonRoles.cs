namespace ApiPlatform.Identity.People;

public static class PersonRoles
{
    /// <summary>Governs the platform: <c>platform:admin</c> and every API's scope.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Runs operations: <c>platform:admin</c> and the process and experience APIs' scopes.</summary>
    public const string Operator = "operator";

    /// <summary>A person of a partner: the scopes, plan and tenant of the partner's client in consumers.yaml.</summary>
    public const string PartnerUser = "partner-user";

    public static readonly string[] All = [PlatformAdmin, Operator, PartnerUser];
}
