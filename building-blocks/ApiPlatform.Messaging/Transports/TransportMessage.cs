namespace ApiPlatform.Messaging.Transports;

/// <param name="Id">The transport's own id of the message, used to acknowledge it.</param>
/// <param name="Body">The CloudEvent JSON as published.</param>
/// <param name="DeliveryCount">1 on first delivery; more when the message was reclaimed from another consumer.</param>
public sealed record TransportMessage(string Id, string Body, int DeliveryCount);
