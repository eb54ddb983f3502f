namespace ApiPlatform.Contracts.Events;

/// <summary>
/// An integration event: a past-tense record with a fixed, versioned wire name (e.g. <c>crm.account.changed.v1</c>).
/// Wire names are never renamed; a breaking change is a new version.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>The CloudEvents <c>type</c>; its first segment is the topic (stream) the event travels on.</summary>
    static abstract string EventType { get; }

    /// <summary>The aggregate the event is about; events of one subject are delivered in the order they were written.</summary>
    string Subject { get; }

    /// <summary>The tenant the event belongs to, if any.</summary>
    string? Tenant => null;
}
