namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// The policies of one kind of edge route: the steps that run before the upstream, in order, and the recorders that
/// see every outcome.
/// </summary>
internal sealed record EdgePipeline(string Kind, IEdgeStep[] Steps, IEdgeRecorder[] Recorders);
