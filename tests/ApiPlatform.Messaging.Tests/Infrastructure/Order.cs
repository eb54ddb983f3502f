namespace ApiPlatform.Messaging.Tests.Infrastructure;

public sealed class Order
{
    public long Id { get; set; }

    public int Number { get; set; }

    public required string Subject { get; set; }
}
