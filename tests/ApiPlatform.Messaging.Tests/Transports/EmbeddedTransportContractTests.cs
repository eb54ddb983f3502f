using ApiPlatform.Messaging.Tests.Infrastructure;

namespace ApiPlatform.Messaging.Tests.Transports;

public sealed class EmbeddedTransportContractTests : TransportContractTests
{
    protected override TestTransport CreateTransport(TempDirectory directory) => TestTransport.Embedded(directory);
}
