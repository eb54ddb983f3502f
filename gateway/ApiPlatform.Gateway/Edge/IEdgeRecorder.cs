using ApiPlatform.Gateway.Hardening;

namespace ApiPlatform.Gateway.Edge;

/// <summary>Records a request that passed the edge's steps or was answered by one of them, whatever the outcome.</summary>
internal interface IEdgeRecorder
{
    /// <param name="status">The status the caller got (499 when it went away, 500 for an exception that broke the response).</param>
    void Record(GatewayRequest request, int status);
}
