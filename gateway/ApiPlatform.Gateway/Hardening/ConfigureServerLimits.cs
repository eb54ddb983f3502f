using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>Applies <see cref="ServerLimitsOptions"/> to Kestrel when the server starts.</summary>
internal sealed class ConfigureServerLimits(IOptions<ServerLimitsOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var settings = options.Value;
        var limits = kestrel.Limits;
        kestrel.AddServerHeader = false;
        limits.MaxRequestHeaderCount = settings.MaxRequestHeaderCount;
        limits.MaxRequestHeadersTotalSize = settings.MaxRequestHeadersTotalSize;
        limits.MaxRequestLineSize = settings.MaxRequestLineSize;
        limits.RequestHeadersTimeout = settings.RequestHeadersTimeout;
        limits.KeepAliveTimeout = settings.KeepAliveTimeout;
        limits.MaxConcurrentConnections = settings.MaxConcurrentConnections;
        limits.MaxConcurrentUpgradedConnections = settings.MaxConcurrentConnections;
        limits.MaxRequestBodySize = settings.MaxRequestBodySize;
        limits.MinRequestBodyDataRate = new MinDataRate(settings.MinRequestBodyBytesPerSecond, settings.MinRequestBodyGracePeriod);
        limits.Http2.MaxRequestHeaderFieldSize = settings.MaxRequestHeadersTotalSize;
    }
}
