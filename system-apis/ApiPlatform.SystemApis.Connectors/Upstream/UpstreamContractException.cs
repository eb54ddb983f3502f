namespace ApiPlatform.SystemApis.Connectors.Upstream;

/// <summary>A system of record answered something the connector will not accept (schema, range, size, redirect).</summary>
public sealed class UpstreamContractException(string detail) : Exception(detail);
