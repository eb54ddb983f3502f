namespace ApiPlatform.Messaging.Outbox;

public enum OutboxStatus
{
    Pending = 0,
    Published = 1,
}
