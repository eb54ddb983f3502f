namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>Tests that start redis-server and stop it mid-test run one at a time, each with a server of its own.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "redis";
}
