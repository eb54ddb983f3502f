namespace ApiPlatform.ServiceDefaults.Auth;

public static class PlatformPolicies
{
    /// <summary>The caller holds this service's own scope, <c>{tier}:{name}</c>.</summary>
    public const string ServiceScope = "service-scope";

    /// <summary>The caller holds <c>platform:admin</c>.</summary>
    public const string Admin = "platform-admin";

    public const string AdminScope = "platform:admin";

    /// <summary>The audience of tokens that carry <see cref="AdminScope"/>: the platform's governance endpoints.</summary>
    public const string AdminAudience = "platform";
}
