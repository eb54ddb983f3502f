using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Transports;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>A message a worker holds: delivered by the transport, or a dead letter an operator asked to replay.</summary>
internal sealed class WorkItem
{
    private WorkItem(string body, string? transportId, long? deadLetterId)
    {
        Body = body;
        TransportId = transportId;
        DeadLetterId = deadLetterId;
        try
        {
            Event = CloudEventSerializer.Deserialize(body);
        }
        catch (FormatException ex)
        {
            LastError = ex.Message;
        }
    }

    public string Body { get; }

    public CloudEvent? Event { get; }

    public string? TransportId { get; }

    public long? DeadLetterId { get; }

    public bool IsReplay => DeadLetterId is not null;

    /// <summary>What orders delivery: events of one subject are handled one at a time; an event without one orders only itself.</summary>
    public string Subject => Event?.Subject ?? Event?.Id ?? "";

    public int Attempts { get; set; }

    public long? FirstFailureAt { get; set; }

    public long? LastFailureAt { get; set; }

    public string? LastError { get; set; }

    public static WorkItem Delivered(TransportMessage message) => new(message.Body, message.Id, null);

    public static WorkItem Replay(long deadLetterId, string envelope) => new(envelope, null, deadLetterId);
}
