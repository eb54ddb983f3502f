using ApiPlatform.Messaging.Tests.Infrastructure;

namespace ApiPlatform.Messaging.Tests.Transports;

/// <summary>Against the real redis-server named by APIPLATFORM_TEST_REDIS; skipped without it.</summary>
public sealed class RedisStreamsTransportContractTests : TransportContractTests
{
    protected override TestTransport CreateTransport(TempDirectory directory) => TestTransport.Redis(TestEnvironment.RequireRedis());
}
