namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// The policies of one kind of edge route: the steps that run before the upstream, in order, what wraps the forwarding
/// (if anything), and the recorders that see every outcome.
/// </summary>
internal sealed record EdgePipeline(string Kind, IEdgeStep[] Steps, IEdgeRecorder[] Recorders, IEdgeForwarding? Forwarding = null);
